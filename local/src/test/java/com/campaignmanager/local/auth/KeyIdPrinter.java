package com.campaignmanager.local.auth;

import java.nio.file.Path;

/** Run in separate JVMs by {@link LocalSigningKeyTest}: loads (or creates) the key in args[0] and prints its kid. */
public final class KeyIdPrinter {
    private KeyIdPrinter() {
    }

    public static void main(String[] args) {
        System.out.println(LocalSigningKey.loadOrCreate(Path.of(args[0])).keyId());
    }
}
