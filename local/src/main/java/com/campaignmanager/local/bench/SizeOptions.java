package com.campaignmanager.local.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options the data benchmarks share: how big ({@code --rows N}, {@code --recipients N}: one name per benchmark)
 * and where the report goes ({@code --out FILE}, {@code -} for standard output; docs/benchmarks.md by default).
 */
record SizeOptions(int size, Path out) {

    /** Empty, after printing the usage line, when {@code args} are not this benchmark's options. */
    static Optional<SizeOptions> parse(String[] args, String command, String sizeFlag, int defaultSize) {
        String usage = "usage: " + command + " [" + sizeFlag + " N] [--out FILE|-]";
        int size = defaultSize;
        Path out = Path.of("docs/benchmarks.md");
        if (args.length % 2 != 0) {
            System.err.println(usage);
            return Optional.empty();
        }
        for (int i = 0; i < args.length; i += 2) {
            try {
                if (args[i].equals(sizeFlag)) {
                    size = Integer.parseInt(args[i + 1]);
                } else if (args[i].equals("--out")) {
                    out = Path.of(args[i + 1]);
                } else {
                    System.err.println(usage);
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                System.err.println(usage);
                return Optional.empty();
            }
        }
        if (size < 1) {
            System.err.println(usage);
            return Optional.empty();
        }
        return Optional.of(new SizeOptions(size, out));
    }
}
