package org.officegraph.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded for officegraph when NEO4J_URI is unset (see src/neo4j/localNeo4j.ts).
 *
 * <pre>
 * java [JVM flags] -cp target/neo4j-local.jar:target/lib/* org.officegraph.local.Neo4jLocal \
 *      --data-dir DIR --bolt-port PORT [--page-cache 256m]
 * </pre>
 *
 * The password comes from the environment variable OFFICEGRAPH_NEO4J_PASSWORD, not from the command line, so that
 * it does not show up in `ps`. Stdout carries exactly one protocol line for the parent:
 * "OFFICEGRAPH_NEO4J_READY bolt://127.0.0.1:PORT" or "OFFICEGRAPH_NEO4J_ERROR sentence" (then exit code 1).
 * Neo4j's own logs go to DIR/logs. The process exits when stdin reaches EOF, i.e. when the parent is gone.
 */
public final class Neo4jLocal {
    private static final String READY = "OFFICEGRAPH_NEO4J_READY ";
    private static final String ERROR = "OFFICEGRAPH_NEO4J_ERROR ";
    private static final String DATABASE = "neo4j";
    private static final long AVAILABLE_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);

    // Written by main, read by the shutdown hook, which may run while main is still starting the database.
    private static volatile DatabaseManagementService service;

    private Neo4jLocal() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace(); // stderr: the parent shows its last lines when start-up fails
            fail(describe(t));
        }
    }

    private static void run(String[] args) throws Exception {
        Path dataDir = null;
        int port = BoltConnector.DEFAULT_PORT;
        String pageCache = "256m";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(require(args[i], value)).toAbsolutePath();
                case "--bolt-port" -> port = parsePort(require(args[i], value));
                case "--page-cache" -> pageCache = require(args[i], value);
                default -> fail("Unknown argument " + args[i] + ": use --data-dir, --bolt-port and --page-cache.");
            }
            i++;
        }
        if (dataDir == null) fail("The --data-dir argument is required.");
        String password = System.getenv("OFFICEGRAPH_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("Set OFFICEGRAPH_NEO4J_PASSWORD to a password of at least 8 characters.");
        }
        long pageCacheBytes;
        try {
            pageCacheBytes = ByteUnit.parse(pageCache);
        } catch (RuntimeException e) {
            fail("The page cache size " + pageCache + " is not a size such as 256m or 1g.");
            return;
        }

        // Check the port ourselves: Neo4j's bind failure is buried in a long exception chain, and port 0 must be
        // resolved to a real port before Neo4j starts because the parent needs to know where to connect.
        port = reservePort(port);
        Files.createDirectories(dataDir);

        // Neo4j's own logs (debug.log etc.) go to the data dir; the user log is dropped because stdout is ours.
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.logs_directory, dataDir.resolve("logs"))
                // Netty waits for a 5 s quiet period per event loop group on shutdown, after the databases have
                // already been checkpointed and closed; without it a stop takes ~1 s instead of ~10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        service = dbms;
        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jLocal::shutdown, "officegraph-neo4j-shutdown"));

        setPassword(dbms.database("system"), password);

        GraphDatabaseService db = dbms.database(DATABASE);
        if (!db.isAvailable(AVAILABLE_TIMEOUT_MS)) {
            fail("The database " + DATABASE + " did not become available; see " + dataDir.resolve("logs/debug.log") + ".");
        }
        watchStdin();
        System.out.println(READY + "bolt://127.0.0.1:" + port);
        System.out.flush();
    }

    /**
     * Sets the password on every start so the password file of the parent is always the truth, even after it was
     * edited. Embedded queries run without a login, so no old password is needed.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has; that is the normal restart case.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
        }
    }

    /** The parent keeps a pipe open on our stdin; EOF means it exited (even by SIGKILL), so we go too. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // Input carries no meaning; only its end does.
                }
            } catch (IOException ignored) {
                // A broken stdin means the same as EOF.
            }
            System.exit(0); // runs the shutdown hook
        }, "officegraph-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void shutdown() {
        DatabaseManagementService dbms = service;
        if (dbms != null) dbms.shutdown();
    }

    private static int reservePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (BindException e) {
            fail("Port " + port + " is already in use: set OFFICEGRAPH_BOLT_PORT to a free port (0 picks one) "
                    + "or stop the other process.");
        } catch (IOException e) {
            fail("Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ").");
        }
        return -1; // unreachable
    }

    /** Turns the deepest meaningful cause into one sentence for the parent. */
    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            String message = String.valueOf(c.getMessage());
            if (name.equals("FileLockException") || message.contains("locked by another process")) {
                return "The data directory is in use by another Neo4j process: stop it or set OFFICEGRAPH_DATA_DIR "
                        + "to another directory.";
            }
            if (c instanceof BindException || name.equals("PortBindException")) {
                return "The Bolt port is already in use: set OFFICEGRAPH_BOLT_PORT to a free port (0 picks one) "
                        + "or stop the other process.";
            }
        }
        Throwable root = t;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        return "Neo4j failed to start: " + message.replaceAll("\\s+", " ").trim();
    }

    private static String require(String flag, String value) {
        if (value == null) fail("The argument " + flag + " needs a value.");
        return value;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail("The Bolt port " + value + " is not a number between 0 and 65535.");
        return -1; // unreachable
    }

    private static void fail(String sentence) {
        System.out.println(ERROR + sentence.replaceAll("\\s+", " "));
        System.out.flush();
        try {
            shutdown(); // close the store cleanly if it was already open
        } finally {
            // halt, not exit: exit would run the shutdown hook a second time.
            Runtime.getRuntime().halt(1);
        }
    }
}
