-- The ledger keeps whom a message was for after the contact is gone (merged into another or erased): the contact
-- id, beside the address's hash. The unsubscribe link in that message names the contact, and must still find the
-- address it was sent to. (Before, the id was set to null when the contact was deleted.)
ALTER TABLE deliveries DROP CONSTRAINT deliveries_contact_id_fkey;
