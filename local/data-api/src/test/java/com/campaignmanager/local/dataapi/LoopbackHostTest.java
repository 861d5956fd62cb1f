package com.campaignmanager.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackHostTest {

    @Test
    void loopbackIs127Slash8AndIpv6LoopbackAndLocalhostOnly() {
        assertThat(LoopbackHost.is("127.0.0.1")).isTrue();
        assertThat(LoopbackHost.is("127.1.2.3")).isTrue();
        assertThat(LoopbackHost.is("::1")).isTrue();
        assertThat(LoopbackHost.is("[::1]")).isTrue();
        assertThat(LoopbackHost.is("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(LoopbackHost.is("localhost")).isTrue();
        assertThat(LoopbackHost.is("LocalHost")).isTrue();

        assertThat(LoopbackHost.is("0.0.0.0")).isFalse();
        assertThat(LoopbackHost.is("::")).isFalse();
        assertThat(LoopbackHost.is("192.168.1.20")).isFalse();
        assertThat(LoopbackHost.is("128.0.0.1")).isFalse();
        assertThat(LoopbackHost.is("127.0.0.256")).isFalse();
        assertThat(LoopbackHost.is("fe80::1")).isFalse();
        // A name is not looked up: even one that resolves to loopback on this machine does not count.
        assertThat(LoopbackHost.is("my-laptop")).isFalse();
        assertThat(LoopbackHost.is("localhost.example.com")).isFalse();
        assertThat(LoopbackHost.is("")).isFalse();
    }
}
