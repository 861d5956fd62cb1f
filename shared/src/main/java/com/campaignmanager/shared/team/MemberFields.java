package com.campaignmanager.shared.team;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.NotificationType;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What adding or editing a member gives; on an edit an absent (null) field keeps its value. Each value given is
 * checked here; which fields a change needs or may not have is {@link Team}'s rule.
 */
public record MemberFields(String email, String name, String role, String slackUserId,
                           Map<String, ChannelChoice> preferences, Boolean active) {
    private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    public MemberFields {
        if (email != null) {
            try {
                email = EmailAddress.parse(email).value();
            } catch (EmailAddress.InvalidEmailException e) {
                throw new InvalidFieldException("email", e.getMessage());
            }
        }
        if (name != null && name.strip().length() > 200) {
            throw new InvalidFieldException("name", "must be at most 200 characters");
        }
        if (role != null && Role.fromWireName(role).isEmpty()) {
            throw new InvalidFieldException("role", "must be viewer, editor, approver or admin");
        }
        if (slackUserId != null && !slackUserId.isEmpty() && !SLACK_USER_ID.matcher(slackUserId).matches()) {
            throw new InvalidFieldException("slackUserId", "is not a Slack member id such as U024BE7LH");
        }
        if (preferences != null) {
            for (String type : preferences.keySet()) {
                if (NotificationType.fromWireName(type).isEmpty()) {
                    throw new InvalidFieldException("preferences." + type, "is not a notification type");
                }
            }
        }
        name = name == null ? null : name.strip();
        role = role == null ? null : Role.fromWireName(role).orElseThrow().wireName();
    }
}
