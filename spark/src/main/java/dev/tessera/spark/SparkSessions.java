package dev.tessera.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one place Tessera starts Spark. A local master ({@code local[N]}) runs offline on the
 * loopback interface without Spark's web UI; any other master ({@code spark://host:7077}, or what
 * {@code spark-submit} sets) is taken as given. Few shuffle partitions: Tessera's only shuffle is
 * the codebook-usage count, a few thousand rows.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * The master to use: the one asked for, else the one {@code spark-submit} set (its
     * {@code spark.master} property), else {@code local[*]}.
     */
    public static String master(String asked) {
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        return System.getProperty("spark.master", "local[*]");
    }

    /** A session for {@code master}, named after the job. */
    public static SparkSession start(String master, String job) {
        SparkSession.Builder b = SparkSession.builder().appName("tessera " + job).master(master)
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            b.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
