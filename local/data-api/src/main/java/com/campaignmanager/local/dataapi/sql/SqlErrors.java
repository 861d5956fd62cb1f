package com.campaignmanager.local.dataapi.sql;

import com.campaignmanager.local.dataapi.protocol.DataApiException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a failed statement into the service's DatabaseErrorException: "ERROR: message; SQLState: code". */
public final class SqlErrors {
    private SqlErrors() {
    }

    public static DataApiException databaseError(SQLException e) {
        return DataApiException.databaseError(message(e));
    }

    public static String message(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
        if (server == null) {
            return e.getMessage() + "; SQLState: " + e.getSQLState();
        }
        StringBuilder message = new StringBuilder()
                .append(server.getSeverity()).append(": ").append(server.getMessage())
                .append("; SQLState: ").append(server.getSQLState());
        if (server.getPosition() > 0) {
            message.append("\n  Position: ").append(server.getPosition());
        }
        return message.toString();
    }
}
