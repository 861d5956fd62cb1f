package com.campaignmanager.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.template.HttpRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable table = new RouteTable(List.of(
            new HttpRoute("A", "GET", "/rounds/{roundId}", true),
            new HttpRoute("B", "POST", "/rounds/{roundId}/approve", true),
            new HttpRoute("C", "GET", "/rounds/upcoming", true),
            new HttpRoute("D", "ANY", "/files/{proxy+}", true),
            new HttpRoute("E", "GET", "/files/{proxy+}", true)));

    @Test
    void literalSegmentsWinOverVariables() {
        assertThat(table.match("GET", "/rounds/upcoming")).get().extracting(m -> m.route().functionLogicalId())
                .isEqualTo("C");
        RouteTable.Match match = table.match("GET", "/rounds/7").orElseThrow();
        assertThat(match.route().functionLogicalId()).isEqualTo("A");
        assertThat(match.pathParameters()).isEqualTo(Map.of("roundId", "7"));
    }

    @Test
    void methodsMustMatchAndExactMethodsWinOverAny() {
        assertThat(table.match("DELETE", "/rounds/7")).isEmpty();
        assertThat(table.match("POST", "/rounds/7/approve")).isPresent();
        assertThat(table.match("GET", "/files/a/b.txt").orElseThrow().route().functionLogicalId()).isEqualTo("E");
        RouteTable.Match any = table.match("PUT", "/files/a/b.txt").orElseThrow();
        assertThat(any.route().functionLogicalId()).isEqualTo("D");
        assertThat(any.pathParameters()).isEqualTo(Map.of("proxy", "a/b.txt"));
    }

    @Test
    void pathParametersAreDecoded() {
        assertThat(table.match("GET", "/rounds/a%20b").orElseThrow().pathParameters()).containsEntry("roundId", "a b");
        assertThat(table.match("GET", "/rounds/")).isEmpty();
    }

    @Test
    void repeatedQueryNamesAreJoinedWithCommas() {
        assertThat(LocalHttpApi.queryParameters("a=1&b=x%20y&a=2&flag")).isEqualTo(
                Map.of("a", "1,2", "b", "x y", "flag", ""));
    }

    @Test
    void binaryBodiesAreBase64() {
        assertThat(LocalHttpApi.isText("application/json")).isTrue();
        assertThat(LocalHttpApi.isText("text/csv; charset=utf-8")).isTrue();
        assertThat(LocalHttpApi.isText("application/octet-stream")).isFalse();
        assertThat(LocalHttpApi.isText("image/png")).isFalse();
    }
}
