package com.campaignmanager.local.dataapi.protocol;

/** A named parameter as sent by the caller. name and typeHint may be null; value may be null (no field set). */
public record SqlParameter(String name, Field value, TypeHint typeHint) {
}
