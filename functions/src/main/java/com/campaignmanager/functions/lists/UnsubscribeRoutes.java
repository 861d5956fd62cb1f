package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.Unsubscriptions;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.http.TextBody;
import java.util.Map;
import javax.inject.Inject;

/**
 * {@code /unsubscribe?token=} (public), the HTTP side of {@link Unsubscriptions}: GET shows a small confirmation
 * page, POST unsubscribes, also as the RFC 8058 one-click POST a mail client sends from the {@code List-Unsubscribe}
 * header. A forged or malformed token is a 400 and changes nothing; a repeated POST changes nothing either. The
 * page says the e-mails stop only when the address is on the suppression list.
 */
final class UnsubscribeRoutes {
    private static final Map<String, String> PAGE_HEADERS = Map.of("cache-control", "no-store",
            "x-robots-tag", "noindex", "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");

    private final Unsubscriptions unsubscriptions;

    @Inject
    UnsubscribeRoutes(Unsubscriptions unsubscriptions) {
        this.unsubscriptions = unsubscriptions;
    }

    void addTo(Routes.Builder routes) {
        routes.add("GET /unsubscribe", this::confirm)
                .add("POST /unsubscribe", this::unsubscribe);
    }

    private ApiResponse confirm(ApiRequest request) {
        String token = request.query("token").orElse(null);
        String address = unsubscriptions.addressOf(token).map(Unsubscriptions.LinkAddress::email)
                .map(UnsubscribeRoutes::masked).orElse("your address");
        return page(200, "Unsubscribe",
                "<p>Stop sending e-mail to <strong>" + escape(address) + "</strong>?</p>"
                        + "<form method=\"post\" action=\"?token=" + escape(token) + "\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    private ApiResponse unsubscribe(ApiRequest request) {
        if (!unsubscriptions.unsubscribe(request.query("token").orElse(null)).suppressed()) {
            // Only a link older than the ledger's record of it: never promise what the suppression list does not say.
            return page(404, "Address not found", "<p>We could not find the address this link was sent to, so we "
                    + "could not unsubscribe it. Please reply to the e-mail and ask us to stop.</p>");
        }
        return page(200, "Unsubscribed", "<p>You will not receive these e-mails any more.</p>");
    }

    private static ApiResponse page(int status, String title, String content) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}"
                + "button{font-size:1rem;padding:.5rem 1rem}</style></head><body><h1>" + title + "</h1>" + content
                + "</body></html>";
        return new ApiResponse(status, new TextBody("text/html; charset=utf-8", html), PAGE_HEADERS);
    }

    /** a***@example.com: enough for the person to recognise, not enough to harvest. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
