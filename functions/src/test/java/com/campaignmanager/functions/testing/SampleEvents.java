package com.campaignmanager.functions.testing;

import java.io.InputStream;

/**
 * The sample events of events/ (on the test classpath), for the stream handlers of the scheduled jobs: the bytes
 * EventBridge delivers and `sam local invoke -e` takes. API events go through {@link ApiCall#from}.
 */
public final class SampleEvents {
    private SampleEvents() {
    }

    /** {@code file} as in the repository, e.g. {@code events/launch-due-rounds/scheduled.json}. */
    public static InputStream open(String file) {
        InputStream stream = SampleEvents.class.getClassLoader().getResourceAsStream(file);
        if (stream == null) {
            throw new IllegalArgumentException("no sample event " + file);
        }
        return stream;
    }
}
