package com.campaignmanager.local.serve;

import java.nio.file.Path;

/** Flags shared by {@code serve} and {@code invoke}. */
public record RunnerOptions(String host, int port, Path dataDir, boolean fresh, Path template) {
    static final int DEFAULT_PORT = 3000;
    static final Path DEFAULT_DATA_DIR = Path.of(".local");

    public static RunnerOptions defaults() {
        return new RunnerOptions("127.0.0.1", DEFAULT_PORT, DEFAULT_DATA_DIR, false, null);
    }

    /** Reads one flag at {@code args[i]}; returns how many arguments it consumed, or 0 when it is not one of ours. */
    static int parse(String[] args, int i, RunnerOptions[] options) {
        RunnerOptions o = options[0];
        String flag = args[i];
        if (flag.equals("--fresh")) {
            options[0] = new RunnerOptions(o.host(), o.port(), o.dataDir(), true, o.template());
            return 1;
        }
        if (i + 1 >= args.length) {
            return 0;
        }
        String value = args[i + 1];
        switch (flag) {
            case "--port" -> options[0] = new RunnerOptions(o.host(), Integer.parseInt(value), o.dataDir(), o.fresh(),
                    o.template());
            case "--host" -> options[0] = new RunnerOptions(value, o.port(), o.dataDir(), o.fresh(), o.template());
            case "--data-dir" -> options[0] = new RunnerOptions(o.host(), o.port(), Path.of(value), o.fresh(),
                    o.template());
            case "--template" -> options[0] = new RunnerOptions(o.host(), o.port(), o.dataDir(), o.fresh(),
                    Path.of(value));
            default -> {
                return 0;
            }
        }
        return 2;
    }
}
