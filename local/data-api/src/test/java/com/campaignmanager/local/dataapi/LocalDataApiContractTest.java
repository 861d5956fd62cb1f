package com.campaignmanager.local.dataapi;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract suite against the local Data API, in a database of its own. */
@ExtendWith(LocalDataApiExtension.class)
class LocalDataApiContractTest extends RdsDataApiContract {

    @Override
    protected DataApiTarget target() {
        LocalDataApi api = LocalDataApiExtension.dataApi();
        return new DataApiTarget(api.endpoint(), api.clusterArn(), api.secretArn(), api.createDatabase("contract"));
    }

    @Override
    protected Optional<LocalDataApi> local() {
        return Optional.of(LocalDataApiExtension.dataApi());
    }
}
