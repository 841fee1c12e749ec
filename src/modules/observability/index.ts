export { AlertTopic, type AlertTopicProps } from "./alert-topic.js";
