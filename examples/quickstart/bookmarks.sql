-- The bookmark of each state: statestore sql -f examples/quickstart/bookmarks.sql
SELECT state_id,
       JSON_VALUE(body, '$.completed.singer_state.bookmarks.users.replication_key_value') AS users
FROM state
WHERE state_id LIKE 'dev:%'
ORDER BY state_id;
