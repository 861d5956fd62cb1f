package com.campaignmanager.shared.audience;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What every message a round sends carries: the per-recipient link for the body, and the RFC 8058 headers that
 * let mail clients offer a one-click unsubscribe ({@code POST} to the same URL).
 */
public final class UnsubscribeLinks {
    private UnsubscribeLinks() {
    }

    public static String url(String publicApiUrl, String token) {
        String base = publicApiUrl.endsWith("/") ? publicApiUrl.substring(0, publicApiUrl.length() - 1) : publicApiUrl;
        return base + "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public static Map<String, String> headers(String publicApiUrl, UnsubscribeTokens tokens, UUID contactId,
                                              UUID roundId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + url(publicApiUrl, tokens.create(contactId, roundId)) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }
}
