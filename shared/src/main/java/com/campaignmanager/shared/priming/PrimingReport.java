package com.campaignmanager.shared.priming;

import java.util.List;

/** What one priming run did: whether the SDK's warm-up ran, and which calls were answered as expected. */
public record PrimingReport(boolean sdkWarmedUp, List<String> primed, List<String> failed) {
    public PrimingReport {
        primed = List.copyOf(primed);
        failed = List.copyOf(failed);
    }
}
