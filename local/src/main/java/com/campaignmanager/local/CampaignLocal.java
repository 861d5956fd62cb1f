package com.campaignmanager.local;

import com.campaignmanager.local.bench.ClassListCommand;
import com.campaignmanager.local.bench.ColdStartBenchmark;
import com.campaignmanager.local.bench.ImportBenchmark;
import com.campaignmanager.local.bench.SendBenchmark;
import com.campaignmanager.local.bench.TeamViewsBenchmark;
import com.campaignmanager.local.auth.TokenCommand;
import com.campaignmanager.local.dataapi.LocalDataApiCommand;
import com.campaignmanager.local.serve.InvokeCommand;
import com.campaignmanager.local.serve.ServeCommand;
import java.util.Arrays;

/** {@code java -jar local/target/campaign-local.jar <command> [flags]}: the product on one machine, no AWS needed. */
public final class CampaignLocal {
    static final String USAGE = """
            usage: java -jar local/target/campaign-local.jar <command> [flags]

            commands:
              data-api [--port N] [--data-dir DIR] [--jdbc-url URL --db-user U --db-password P]
                       [--cluster-arn ARN] [--secret-arn ARN] [--database NAME] [--max-connections N]
                       [--host H --allow-remote]
                  Aurora PostgreSQL + the RDS Data API on this machine (embedded PostgreSQL 16 by default).
                  A --host other than loopback needs --allow-remote: whoever reaches it can run any SQL.
              serve [--port 3000] [--data-dir DIR] [--fresh] [--host H --allow-remote]
                  Every route and schedule of template.yaml on http://127.0.0.1:3000, with the JWT authorizer,
                  over an embedded PostgreSQL kept in DIR (default .local; --fresh wipes its data first).
                  A --host other than loopback needs --allow-remote: whoever reaches it can drive /_local/.
              token [--data-dir DIR] --sub S --email E --role viewer|editor|approver|admin [--role ...] [--ttl 12h]
                  Prints a token that a runner using the same DIR accepts.
              invoke <FunctionLogicalId> --event FILE [--data-dir DIR]
                  Runs one function once with an event (e.g. from events/), like `sam local invoke`.
              bench-cold-start [--runs N] [--out FILE|-]
                  Cold start of a minimal function (and of McpFunction) against the floor and the SDK defaults;
                  writes docs/benchmarks.md.
                  Run from the repository root after `mvn -B verify`.
              class-list [--functions-jar JAR] [--template FILE] [--out FILE]
                  Records the classes of the deployable jar each function loads in its init and first request
                  (-Xlog:class+load), the list its init loads on a second thread; rebuild the jar after it.
              bench-import [--rows 100000] [--out FILE|-]
                  A CSV import of N contacts through the local Data API; writes docs/benchmarks.md.
              bench-send [--provider outbox|mailjet] [--recipients 100000] [--latency-ms 250]
                         [--concurrency 8,16] [--segment] [--out FILE|-]
                  A round to N recipients through the outbox provider, or through Mailjet against a local
                  stand-in answering each call after --latency-ms; with --segment, the ledger of a
                  two-condition segment of N contacts; writes docs/benchmarks.md.
              bench-team-views [--rows 100000] [--out FILE|-]
                  Dashboard, search, approvals and timeline over a growing database; writes docs/benchmarks.md.
            """;

    private CampaignLocal() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "data-api":
                return LocalDataApiCommand.run(rest);
            case "serve":
                return ServeCommand.run(rest);
            case "token":
                return TokenCommand.run(rest, System.out, System.err);
            case "invoke":
                return InvokeCommand.run(rest);
            case "bench-cold-start":
                return ColdStartBenchmark.run(rest);
            case "bench-import":
                return ImportBenchmark.run(rest);
            case "class-list":
                return ClassListCommand.run(rest);
            case "bench-send":
                return SendBenchmark.run(rest);
            case "bench-team-views":
                return TeamViewsBenchmark.run(rest);
            default:
                System.err.println("unknown command: " + args[0]);
                System.err.print(USAGE);
                return 2;
        }
    }
}
