package com.campaignmanager.local.dataapi.protocol;

/** formatRecordsAs: NONE (records as Fields) or JSON (one JSON text in formattedRecords). */
public enum RecordsFormat { NONE, JSON }
