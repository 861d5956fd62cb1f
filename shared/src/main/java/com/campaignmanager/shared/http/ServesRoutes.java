package com.campaignmanager.shared.http;

import java.util.Set;

/**
 * A handler that API Gateway sends requests to: the route keys it serves ({@code "GET /campaigns/{campaignId}"}).
 * template.yaml must give its function exactly these as HttpApi events; the local runner's tests hold the two
 * together.
 */
public interface ServesRoutes {
    Set<String> routeKeys();
}
