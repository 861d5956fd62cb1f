package com.campaignmanager.shared.priming;

import java.util.List;

/**
 * What one priming run did: whether the Data API path was primed (the SDK's warm-up and our canned statements),
 * which calls were answered as expected, how long it took.
 */
public record PrimingReport(boolean dataApiPrimed, List<String> primed, List<String> failed, long millis) {
    public PrimingReport {
        primed = List.copyOf(primed);
        failed = List.copyOf(failed);
    }
}
