/*
 * Starts one embedded OpenSearch node (via codelibs' OpenSearchRunner, which loads the
 * standard modules such as analysis-common from the classpath) and blocks until the JVM
 * is told to stop. engine.sh compiles this file with javac against the runner's jars.
 *
 * Usage: java -cp 'classes:lib/*' OpenSearchNode --port 9201 --cluster-name NAME --base-dir DIR
 *            [--data-dir DIR]
 *            [--node-name NAME --transport-port 9731 --seed-hosts H:P,H:P --cluster-managers N,N]
 *
 * The base dir receives the node's config and logs (node_1/...); data goes there too unless
 * --data-dir points elsewhere (e.g. to keep indices across restarts).
 *
 * Alone, the node forms a cluster of its own. With --seed-hosts (the transport addresses of
 * every node) and --cluster-managers (the node names that vote in the first election) it is
 * one node of a cluster that several JVMs form together, each started with this class and
 * its own base dir: engine.sh start-cluster does that.
 *
 * SIGTERM/SIGINT run the shutdown hook, which closes the node cleanly.
 */

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

public final class OpenSearchNode {

    private OpenSearchNode() {
    }

    public static void main(final String[] args) throws Exception {
        int port = 9201;
        String clusterName = "cnnt-test";
        String baseDir = null;
        String dataDir = null;
        String nodeName = null;
        String transportPort = "9300-9499";
        String seedHosts = null;
        String clusterManagers = null;
        for (int i = 0; i < args.length; i++) {
            final String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> { port = Integer.parseInt(value); i++; }
                case "--cluster-name" -> { clusterName = value; i++; }
                case "--base-dir" -> { baseDir = value; i++; }
                case "--data-dir" -> { dataDir = value; i++; }
                case "--node-name" -> { nodeName = value; i++; }
                case "--transport-port" -> { transportPort = value; i++; }
                case "--seed-hosts" -> { seedHosts = value; i++; }
                case "--cluster-managers" -> { clusterManagers = value; i++; }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (baseDir == null) {
            throw new IllegalArgumentException("--base-dir is required");
        }
        if ((seedHosts == null) != (clusterManagers == null)) {
            throw new IllegalArgumentException("--seed-hosts and --cluster-managers go together");
        }

        final int httpPort = port;
        final String dataPath = dataDir;
        final String name = nodeName;
        final String transport = transportPort;
        final String seeds = seedHosts;
        final String managers = clusterManagers;
        final OpenSearchRunner runner = new OpenSearchRunner();
        // Without this the runner refuses ports above 9299 and hops to the next free port.
        runner.setMaxHttpPort(-1);
        // The runner probes for a "free" port itself and silently moves on to the next one;
        // we want a fixed, predictable port (and a loud failure if it is taken), so the
        // settings below pin it. They are applied before the runner's own defaults.
        runner.onBuild((index, settings) -> {
            settings.put("http.port", String.valueOf(httpPort));
            // Loopback only: a test node must never be reachable from other hosts. It also
            // keeps OpenSearch in "development mode", so production bootstrap checks
            // (vm.max_map_count, file descriptors, ...) are not enforced.
            settings.put("network.host", "127.0.0.1");
            // Alone: any free transport port, since nothing connects to it, and a fixed one
            // could clash with a developer's own cluster on 9300. In a cluster the other
            // nodes find this one at the fixed port given.
            settings.put("transport.port", transport);
            if (name != null) {
                settings.put("node.name", name);
            }
            if (seeds != null) {
                // The runner makes a one-node runner single-node unless told otherwise.
                settings.put("discovery.type", "zen");
                settings.putList("discovery.seed_hosts", seeds.split(","));
                settings.putList("cluster.initial_cluster_manager_nodes", managers.split(","));
                // Every node may be elected and holds shards, so any one can be lost.
                settings.putList("node.roles", "cluster_manager", "data");
            }
            // Small or nearly full dev disks would otherwise flip indices to read-only.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            // Tests create and drop many indices; wildcard deletes make cleanup easy.
            settings.put("action.destructive_requires_name", false);
            if (dataPath != null) {
                settings.put("path.data", dataPath);
            }
        });

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final IOException e) {
                System.err.println("Failed to close OpenSearch: " + e);
            } finally {
                stopped.countDown();
            }
        }, "opensearch-node-shutdown"));

        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .numOfNode(1)
                    // The runner adds the node number (1) to the base port.
                    .baseHttpPort(httpPort - 1)
                    .clusterName(clusterName)
                    .basePath(baseDir)
                    .printOnFailure());
        } catch (final RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("OpenSearchNode: started on http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
