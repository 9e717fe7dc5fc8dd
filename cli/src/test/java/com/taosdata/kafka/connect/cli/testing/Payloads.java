package com.taosdata.kafka.connect.cli.testing;

/** REST answers as a Connect 3.7+ worker writes them. */
public final class Payloads {

    public static final String RUNNING = """
            {"name":"sink-demo","connector":{"state":"RUNNING","worker_id":"10.0.0.1:8083"},
             "tasks":[{"id":0,"state":"RUNNING","worker_id":"10.0.0.1:8083"},
                      {"id":1,"state":"RUNNING","worker_id":"10.0.0.2:8083"}],"type":"sink"}""";

    public static final String TASK_FAILED = """
            {"name":"sink-demo","connector":{"state":"RUNNING","worker_id":"10.0.0.1:8083"},
             "tasks":[{"id":0,"state":"RUNNING","worker_id":"10.0.0.1:8083"},
                      {"id":1,"state":"FAILED","worker_id":"10.0.0.2:8083",
                       "trace":"org.apache.kafka.connect.errors.ConnectException: write failed\\n\\tat x.Y.z(Y.java:1)\\nCaused by: java.sql.SQLException: TDengine ERROR (0x2603): Database not exist\\n\\tat a.B.c(B.java:2)"}],
             "type":"sink"}""";

    public static final String STOPPED = """
            {"name":"sink-demo","connector":{"state":"STOPPED","worker_id":"10.0.0.1:8083"},"tasks":[],"type":"sink"}""";

    public static final String INFO = """
            {"name":"sink-demo","config":{"name":"sink-demo",
              "connector.class":"com.taosdata.kafka.connect.sink.TDengineSinkConnector","tasks.max":"2",
              "topics":"meters","connection.url":"jdbc:TAOS://127.0.0.1:6030","connection.password":"pa55w0rd",
              "connection.user":"root"},
             "tasks":[{"connector":"sink-demo","task":0},{"connector":"sink-demo","task":1}],"type":"sink"}""";

    private Payloads() {}
}
