package com.campaignmanager.local.dataapi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rule of every local server's {@code --host}: only an address of this machine's own (loopback) is safe to
 * listen on, since the local servers check no caller; another address needs {@code --allow-remote}.
 */
public final class LoopbackHost {
    private LoopbackHost() {
    }

    /** Only literal addresses and the name localhost: no name is looked up, so another name is not loopback. */
    public static boolean is(String host) {
        String value = host.trim();
        if (value.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] octets = value.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        if (!value.contains(":")) {
            return false;
        }
        String literal = value.startsWith("[") ? value : "[" + value + "]";
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // bracketed: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
