package com.campaignmanager.shared.tasks;

import com.campaignmanager.shared.db.StoredText;
import com.campaignmanager.shared.http.ApiProblem;

/** A task is to do, being done, or done. */
public enum TaskStatus implements StoredText {
    TODO("todo"),
    DOING("doing"),
    DONE("done");

    private final String stored;

    TaskStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }

    /** A status a caller wrote (null for none); anything else is a 400 on {@code status}. */
    static TaskStatus given(String text) {
        return text == null ? null : StoredText.find(TaskStatus.class, text)
                .orElseThrow(() -> ApiProblem.invalid("status", "must be " + StoredText.choices(TaskStatus.class)));
    }
}
