package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.config.Environment;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ALLOWED_SENDER_DOMAINS}: the comma-separated domains rounds may be sent from, lower-cased. Empty (unset)
 * allows any, with a preflight warning.
 */
public record SenderDomains(Set<String> allowed) {
    public static final String VARIABLE = "ALLOWED_SENDER_DOMAINS";
    public static final SenderDomains ANY = new SenderDomains(Set.of());

    public SenderDomains {
        Set<String> lowerCase = new LinkedHashSet<>();
        allowed.forEach(domain -> lowerCase.add(domain.strip().toLowerCase(Locale.ROOT)));
        allowed = Collections.unmodifiableSet(lowerCase);
    }

    public static SenderDomains from(Environment environment) {
        return new SenderDomains(new LinkedHashSet<>(environment.optionalList(VARIABLE)));
    }
}
