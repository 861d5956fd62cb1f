package com.campaignmanager.shared.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.CallerDirectory;
import com.campaignmanager.shared.http.RolesClaim;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.observability.Observability;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {
    private static RouteDispatcher dispatcher(RolesClaim rolesClaim) {
        return new RouteDispatcher(Routes.builder().add("GET /things", r -> ApiResponse.ok(Map.of("ok", true))).build(),
                JsonMapper.create(), new Observability(), CallerDirectory.tokenOnly(), rolesClaim);
    }

    @Test
    void flushesPowertoolsMetricsAndTheColdStartDocumentIntoNothing() {
        PrintStream out = System.out;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        int documents;
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            documents = CannedMetrics.flushDiscarded(false);
        } finally {
            System.setOut(out);
        }

        // Both documents were built and serialised (the request's metrics and the cold-start metric's) ...
        assertThat(documents).isEqualTo(2);
        // ... and none reached stdout, where EMF's Lambda sink would have published it.
        assertThat(written.toString(StandardCharsets.UTF_8)).doesNotContain("_aws").doesNotContain("ColdStart");
    }

    @Test
    void readsACallersClaimsUnderTheDeploymentsRolesClaim() {
        // A deployment that trusts another claim: the made-up groups must land under that one to read as roles.
        PrimingCall call = PrimingCall.caller(dispatcher(new RolesClaim("custom:roles")));

        Priming priming = Priming.of(call);
        PrimingReport report = priming.prime();

        assertThat(report.failed()).isEmpty();
        assertThat(report.primed()).containsExactly("caller claims");
    }

    @Test
    void runsTheCallsOnlyASnapshotNeedsOnlyBeforeASnapshot() {
        AtomicInteger everyInit = new AtomicInteger();
        AtomicInteger beforeSnapshot = new AtomicInteger();
        Priming priming = Priming.of(new PrimingCall("every init", everyInit::incrementAndGet))
                .beforeSnapshotAlso(new PrimingCall("before a snapshot", beforeSnapshot::incrementAndGet));

        PrimingReport onDemand = priming.prime(Priming.Depth.ON_DEMAND);
        assertThat(onDemand.primed()).containsExactly("every init");
        assertThat(beforeSnapshot).hasValue(0);

        PrimingReport snapshot = priming.prime(Priming.Depth.SNAPSHOT);
        assertThat(snapshot.primed()).containsExactly("every init", "before a snapshot");
        // Each call as often as the depth's rounds say: once on demand, then every round before the snapshot.
        assertThat(everyInit).hasValue(1 + Priming.Depth.SNAPSHOT.rounds);
        assertThat(beforeSnapshot).hasValue(Priming.Depth.SNAPSHOT.rounds);
    }

    @Test
    void leavesTheRefusalsToTheFirstRequestsThatAreRefusedOnDemand() {
        RouteDispatcher dispatcher = dispatcher(RolesClaim.DEFAULT);
        Priming priming = Priming.of(PrimingCall.caller(dispatcher),
                PrimingCall.request(dispatcher, "POST /things", "/things", 405),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));

        // On demand the init and the first request are one wait: a path only some first requests take is a cost.
        assertThat(priming.prime(Priming.Depth.ON_DEMAND).primed()).containsExactly("caller claims");
        // Before a snapshot every path is primed: the first request after a restore may be any of them.
        assertThat(priming.prime(Priming.Depth.SNAPSHOT).primed())
                .containsExactly("caller claims", "POST /things -> 405", "GET /priming/unknown -> 404");
    }

    @Test
    void answersTheCannedSelectWithEveryFieldKindReadBack() {
        // Throws when a column of the canned answer does not read back as what it holds (uuid, timestamp, boolean,
        // null), which would leave that field kind's unmarshalling to the first request.
        CannedDataApi.statements(Priming.Depth.SNAPSHOT.rounds);
    }
}
