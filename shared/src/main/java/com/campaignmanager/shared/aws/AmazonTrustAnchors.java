package com.campaignmanager.shared.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The trust the AWS clients' TLS runs on (the Data API's, and SQS's in the health monitor): the five roots of
 * Amazon Trust Services, which issues the certificates of AWS service endpoints ({@code amazon-trust-services.pem}
 * beside this class), instead of the JDK's ~140 roots. A connection to an AWS endpoint then trusts no CA that has
 * nothing to do with AWS, and a cold start does not parse a trust store of 140 certificates (~75 ms of CPU on the
 * second thread here, docs/benchmarks.md). Mailjet and Slack are not AWS: their clients keep the JDK's trust.
 * Where {@code javax.net.ssl.trustStore} names a store of the operator's, that store is trusted instead, as the JDK
 * would.
 */
public final class AmazonTrustAnchors {
    static final String RESOURCE = "amazon-trust-services.pem";
    static final String TRUST_STORE_PROPERTY = "javax.net.ssl.trustStore";

    private AmazonTrustAnchors() {
    }

    /** Parsed once per JVM: the handler's second thread warms TLS with the same managers the client then uses. */
    private static final class Parsed {
        static final TrustManager[] MANAGERS = parse();
    }

    /**
     * The trust managers for a connection to an AWS endpoint; null, which the JDK and the SDK's HTTP client read as
     * its default trust, where the operator named a trust store.
     */
    public static TrustManager[] trustManagers() {
        return System.getProperty(TRUST_STORE_PROPERTY) != null ? null : Parsed.MANAGERS.clone();
    }

    static TrustManager[] parse() {
        try (InputStream pem = AmazonTrustAnchors.class.getResourceAsStream(RESOURCE)) {
            if (pem == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Collection<? extends Certificate> roots = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate root : roots) {
                store.setCertificateEntry("amazon-trust-services-" + n++, root);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
