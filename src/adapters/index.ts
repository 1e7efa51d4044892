// The adapters: the ports made real. cluster/ is the signed HTTP client of Elasticsearch / OpenSearch, dynamodb/
// the job store on DynamoDB, slack/ the Bolt app with its listeners and the Web API, tasks/ the hand-off of slow
// work (in process, or an asynchronous Lambda invocation), system/ the clock and ids. Everything here may be
// bundled for Lambda; development tooling lives in src/local/.
export {};
