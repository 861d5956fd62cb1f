package com.campaignmanager.functions.health;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.db.Database;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = DataApiModule.class)
interface HealthComponent {

    Database database();

    static HealthComponent create() {
        return DaggerHealthComponent.create();
    }
}
