package com.campaignmanager.local;

import com.campaignmanager.local.bench.ColdStartBenchmark;
import com.campaignmanager.local.dataapi.LocalDataApiCommand;
import java.util.Arrays;

/** {@code java -jar local/target/campaign-local.jar <command> [flags]}: the product on one machine, no AWS needed. */
public final class CampaignLocal {
    static final String USAGE = """
            usage: java -jar local/target/campaign-local.jar <command> [flags]

            commands:
              data-api [--port N] [--data-dir DIR] [--jdbc-url URL --db-user U --db-password P]
                       [--cluster-arn ARN] [--secret-arn ARN] [--database NAME] [--max-connections N]
                  Aurora PostgreSQL + the RDS Data API on this machine (embedded PostgreSQL 16 by default).
              bench-cold-start [--runs N] [--out FILE|-]
                  Cold start of a minimal function against the floor and the SDK defaults; writes docs/benchmarks.md.
                  Run from the repository root after `mvn -B verify`.
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
            case "bench-cold-start":
                return ColdStartBenchmark.run(rest);
            default:
                System.err.println("unknown command: " + args[0]);
                System.err.print(USAGE);
                return 2;
        }
    }
}
