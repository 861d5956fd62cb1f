package com.campaignmanager.shared.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Module
public final class JsonModule {
    private JsonModule() {
    }

    @Provides
    @Singleton
    static ObjectMapper objectMapper() {
        return JsonMapper.create();
    }
}
