package com.campaignmanager.shared.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the API is reachable from the internet ({@code PUBLIC_API_URL}): the base of every link a message carries
 * (unsubscribe). Required. It is never taken from a request's {@code Host} header, which the caller chooses.
 *
 * <p>A function that API Gateway invokes through the very API it links to cannot name that API's URL in its own
 * environment (CloudFormation would see a cycle), so it may say {@value #GATEWAY_DOMAIN}: the links then use the
 * domain API Gateway received the request on ({@code requestContext.domainName}), which is one of the API's own
 * configured domains — API Gateway sets it, the caller does not.
 */
public final class PublicApiUrl {
    public static final String VARIABLE = "PUBLIC_API_URL";
    public static final String GATEWAY_DOMAIN = "api-gateway-domain";
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    private final Optional<String> base;

    public static PublicApiUrl from(Environment environment) {
        return new PublicApiUrl(environment.required(VARIABLE));
    }

    public PublicApiUrl(String value) {
        String text = value.strip();
        if (text.equals(GATEWAY_DOMAIN)) {
            this.base = Optional.empty();
            return;
        }
        String expected = "an absolute http(s) URL without a query (e.g. https://api.example.com) or "
                + GATEWAY_DOMAIN;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(VARIABLE, value, expected);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidConfigurationException(VARIABLE, value, expected);
        }
        this.base = Optional.of(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The configured URL without a trailing slash; for work that no request brought (scheduled sends). */
    public String base() {
        return base.orElseThrow(() -> new IllegalStateException(VARIABLE + " is " + GATEWAY_DOMAIN
                + ", which only serves links built while answering a request; set the API's URL"));
    }

    /** The base for links built while answering a request that API Gateway received on {@code gatewayDomain}. */
    public String forRequest(Optional<String> gatewayDomain) {
        if (base.isPresent()) {
            return base.get();
        }
        String domain = gatewayDomain.filter(d -> DOMAIN.matcher(d).matches())
                .orElseThrow(() -> new IllegalStateException(VARIABLE + " is " + GATEWAY_DOMAIN
                        + " but the request carries no API Gateway domain"));
        return "https://" + domain;
    }
}
