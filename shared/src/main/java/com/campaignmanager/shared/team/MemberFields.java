package com.campaignmanager.shared.team;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.NotificationType;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What adding or editing a member gives; on an edit an absent (null) field keeps its value. The values are
 * checked by {@link Team}, after the caller's role: someone who may not change the team learns nothing from them.
 */
public record MemberFields(String email, String name, String role, String slackUserId,
                           Map<String, ChannelChoice> preferences, Boolean active) {
    private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    /** The same fields with each value checked (a 400 naming the first bad one) and normalised. */
    MemberFields checked() {
        String address = null;
        if (email != null) {
            try {
                address = EmailAddress.parse(email).value();
            } catch (EmailAddress.InvalidEmailException e) {
                throw ApiProblem.invalid("email", e.getMessage());
            }
        }
        if (name != null && name.strip().length() > 200) {
            throw ApiProblem.invalid("name", "must be at most 200 characters");
        }
        if (role != null && Role.fromWireName(role).isEmpty()) {
            throw ApiProblem.invalid("role", "must be viewer, editor, approver or admin");
        }
        if (slackUserId != null && !slackUserId.isEmpty() && !SLACK_USER_ID.matcher(slackUserId).matches()) {
            throw ApiProblem.invalid("slackUserId", "is not a Slack member id such as U024BE7LH");
        }
        if (preferences != null) {
            for (String type : preferences.keySet()) {
                if (NotificationType.fromWireName(type).isEmpty()) {
                    throw ApiProblem.invalid("preferences." + type, "is not a notification type");
                }
            }
        }
        return new MemberFields(address, name == null ? null : name.strip(),
                role == null ? null : Role.fromWireName(role).orElseThrow().wireName(), slackUserId, preferences,
                active);
    }
}
