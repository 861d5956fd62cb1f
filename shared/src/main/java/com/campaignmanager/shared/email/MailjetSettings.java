package com.campaignmanager.shared.email;

import com.campaignmanager.shared.config.Environment;
import java.net.URI;
import java.time.Duration;

/**
 * Mailjet's configuration. Missing credentials do not stop start-up: {@link MailjetProvider#check()} reports
 * them, so preflight can say what is wrong instead of a function failing to start.
 *
 * @param apiUrl      base URL without a trailing slash ({@code https://api.mailjet.com}; tests point it at WireMock)
 * @param sandbox     Mailjet validates the messages but delivers none
 * @param readTimeout how long to wait for an answer to a send; a batch of 50 is normally answered within seconds
 */
public record MailjetSettings(String apiKey, String apiSecret, String apiUrl, boolean sandbox,
                              Duration connectTimeout, Duration readTimeout) {
    public static final String API_KEY = "MAILJET_API_KEY";
    public static final String API_SECRET = "MAILJET_API_SECRET";
    public static final String API_URL = "MAILJET_API_URL";
    public static final String SANDBOX = "MAILJET_SANDBOX";
    public static final String DEFAULT_API_URL = "https://api.mailjet.com";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    public MailjetSettings {
        apiUrl = stripTrailingSlash(apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.trim());
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    }

    public static MailjetSettings from(Environment env) {
        return new MailjetSettings(env.optional(API_KEY).orElse(null), env.optional(API_SECRET).orElse(null),
                env.optionalUrl(API_URL).map(URI::toString).orElse(null), env.optionalBoolean(SANDBOX, false),
                null, null);
    }

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank() && apiSecret != null && !apiSecret.isBlank();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "MailjetSettings[apiUrl=" + apiUrl + ", sandbox=" + sandbox + ", configured=" + configured() + "]";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
