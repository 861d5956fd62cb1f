package com.campaignmanager.shared.config;

import java.net.URI;
import java.net.URISyntaxException;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Where the API is reachable from the internet ({@code PUBLIC_API_URL}): the base of every link a message carries
 * (unsubscribe). Required, and never taken from a request's {@code Host} header, which a caller chooses.
 */
@Singleton
public final class PublicApiUrl {
    public static final String VARIABLE = "PUBLIC_API_URL";

    private final String base;

    @Inject
    public PublicApiUrl() {
        this(Environment.system().required(VARIABLE));
    }

    public PublicApiUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(VARIABLE + " is not a URL: " + value, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException(VARIABLE + " must be an absolute http(s) URL without query, e.g. "
                    + "https://api.example.com, not " + value);
        }
        String text = uri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The URL without a trailing slash. */
    public String base() {
        return base;
    }

    @Override
    public String toString() {
        return base;
    }
}
