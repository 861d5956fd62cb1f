package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.InvalidConfigurationException;
import com.campaignmanager.shared.notifications.NotificationChannels;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * McpFunction's own settings: the issuer of callers' tokens ({@code JWT_ISSUER}, the API's authorizer's), which the
 * protected-resource metadata names as the authorization server; and the one browser origin allowed to call, the
 * front end's ({@code APP_URL}) — with none configured, no request from a web page is accepted.
 */
record McpSettings(String issuer, Optional<String> appOrigin) {
    static final String JWT_ISSUER = "JWT_ISSUER";

    static McpSettings from(Environment environment) {
        String issuer = environment.required(JWT_ISSUER);
        try {
            URI uri = new URI(issuer);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidConfigurationException(JWT_ISSUER, issuer, "the issuer's URL, e.g. "
                        + "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf");
            }
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(JWT_ISSUER, issuer, "the issuer's URL");
        }
        return new McpSettings(issuer, environment.optionalUrl(NotificationChannels.APP_URL).map(McpSettings::origin));
    }

    /** {@code scheme://host[:port]} as a browser sends it in {@code Origin}: lower case, no default port. */
    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    boolean allowsOrigin(String origin) {
        if (appOrigin.isEmpty()) {
            return false;
        }
        try {
            URI given = new URI(origin.strip());
            return given.getScheme() != null && given.getHost() != null && given.getPath().isEmpty()
                    && origin(given).equals(appOrigin.get());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
