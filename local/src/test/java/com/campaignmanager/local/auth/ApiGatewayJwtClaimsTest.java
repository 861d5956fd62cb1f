package com.campaignmanager.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayJwtClaimsTest {

    @Test
    void everyClaimBecomesTheTextApiGatewayPasses() throws Exception {
        Map<String, Object> payload = JSONObjectUtils.parse("""
                {"sub": "alice", "exp": 1612061676, "email_verified": true, "admin": false,
                 "cognito:groups": ["admin", "editor"], "empty": [], "ratio": 1.50, "big": 1e3,
                 "address": {"country": "JP", "city": "Kyoto"}, "nickname": null,
                 "mixed": [1, true, null, {"b": 2, "a": [3]}]}
                """);

        Map<String, String> claims = ApiGatewayJwtClaims.of(payload);

        assertThat(claims).containsExactly(
                Map.entry("sub", "alice"),
                Map.entry("exp", "1612061676"),
                Map.entry("email_verified", "true"),
                Map.entry("admin", "false"),
                Map.entry("cognito:groups", "[admin editor]"),
                Map.entry("empty", "[]"),
                Map.entry("ratio", "1.5"),
                Map.entry("big", "1000"),
                Map.entry("address", "map[city:Kyoto country:JP]"),
                Map.entry("mixed", "[1 true <nil> map[a:[3] b:2]]"));
    }
}
