package com.campaignmanager.local.auth;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code campaign-local token}: prints one token that {@code serve} with the same data directory accepts.
 * Stdout carries the token and a newline only, so {@code TOKEN=$(java -jar ... token ...)} just works.
 */
public final class TokenCommand {
    public static final Path DEFAULT_DATA_DIR = Path.of(".local");
    public static final Set<String> ROLES = Set.of("viewer", "editor", "approver", "admin");

    static final String USAGE = """
            usage: java -jar local/target/campaign-local.jar token [--data-dir DIR] --sub SUBJECT [--email EMAIL]
                       [--email-verified true|false] --role ROLE [--role ROLE ...] [--ttl 12h|30m|3600s] [--issuer ISSUER] [--audience AUDIENCE]
              Prints an RS256 ID token signed with the key in DIR/auth (default .local), accepted by `serve`
              with the same DIR. ROLE is one of viewer, editor, approver, admin (the cognito:groups claim).
              An unverified address (--email-verified false) never matches a team member or the first admin.
              Defaults: --email-verified true, --ttl 12h, --issuer %s, --audience %s.
            """.formatted(LocalAuthConfig.DEFAULT_ISSUER, LocalAuthConfig.DEFAULT_AUDIENCE);

    private static final Pattern TTL = Pattern.compile("([1-9][0-9]{0,8})([hms])");

    private TokenCommand() {
    }

    /** @return 0 when a token was printed, 2 for bad usage, 1 when the signing key cannot be used */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("token: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        String token;
        try {
            LocalSigningKey key = LocalSigningKey.loadOrCreate(options.dataDir());
            token = new LocalTokenIssuer(key, options.config()).issue(options.request());
        } catch (RuntimeException e) {
            err.println("token: " + e.getMessage());
            return 1;
        }
        out.print(token + "\n");
        out.flush();
        return 0;
    }

    /** The parsed command line. */
    record Options(Path dataDir, LocalAuthConfig config, TokenRequest request) {

        /** @return null when help was asked for */
        static Options parse(String[] args) throws UsageException {
            Path dataDir = DEFAULT_DATA_DIR;
            String subject = null;
            String email = null;
            boolean emailVerified = true;
            List<String> roles = new ArrayList<>();
            Duration ttl = TokenRequest.DEFAULT_TTL;
            String issuer = LocalAuthConfig.DEFAULT_ISSUER;
            String audience = LocalAuthConfig.DEFAULT_AUDIENCE;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    return null;
                }
                String value = valueOf(flag, args, ++i);
                switch (flag) {
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--sub" -> subject = value;
                    case "--email" -> email = value;
                    case "--email-verified" -> emailVerified = bool(flag, value);
                    case "--role" -> roles.add(role(value));
                    case "--ttl" -> ttl = ttl(value);
                    case "--issuer" -> issuer = value;
                    case "--audience" -> audience = value;
                    default -> throw new UsageException("unknown flag " + flag);
                }
            }
            if (subject == null) {
                throw new UsageException("--sub is required");
            }
            if (roles.isEmpty()) {
                throw new UsageException("at least one --role is required");
            }
            try {
                return new Options(dataDir, new LocalAuthConfig(issuer, audience),
                        new TokenRequest(subject, email, emailVerified, roles, ttl));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private static String valueOf(String flag, String[] args, int index) throws UsageException {
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument " + flag);
            }
            if (index >= args.length || args[index].startsWith("--")) {
                throw new UsageException(flag + " needs a value");
            }
            if (args[index].isBlank()) {
                throw new UsageException(flag + " must not be blank");
            }
            return args[index];
        }

        private static boolean bool(String flag, String value) throws UsageException {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new UsageException(flag + " must be true or false, not " + value);
            };
        }

        private static String role(String value) throws UsageException {
            if (!ROLES.contains(value)) {
                throw new UsageException("unknown role " + value + " (expected one of viewer, editor, approver, admin)");
            }
            return value;
        }

        private static Duration ttl(String value) throws UsageException {
            Matcher matcher = TTL.matcher(value);
            if (!matcher.matches()) {
                throw new UsageException("--ttl must be a positive number followed by h, m or s, like 12h, 30m or 3600s");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }

    /** Bad command line: reported on stderr with the usage, exit status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
