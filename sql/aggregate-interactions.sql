-- relaudit: raw collaboration events → interactions (one row per sender, recipient, period and channel).
--
-- Run it where the events live (DuckDB, Spark SQL/Databricks, BigQuery, Snowflake) and hand relaudit the result as
-- interactions (Parquet or CSV); `relaudit aggregate` runs this same file in DuckDB. Written in a portable subset of
-- SQL: the one dialect-specific step (splitting the recipients list) and the date functions are marked "DIALECT", with
-- each engine's spelling in docs/scale.md.
--
-- Input: a table or view raw_events with one row per email, message, call or meeting:
--   sender            text       the sender or organiser
--   recipients        text       recipients or attendees, separated by ';' (spaces around names are ignored)
--   event_time        timestamp  when it happened, as a wall-clock time in the time zone the audit uses
--   channel           text       email, chat, call, meeting, ... (case and surrounding spaces are ignored)
--   duration_minutes  number     minutes spent (NULL = 0)
--
-- Rules (stated in the output of relaudit aggregate and in docs/scale.md):
--   1. An event exported twice (the same sender, recipients, time, channel and minutes) counts once.
--   2. Each recipient counts once per event; blank recipients and the sender among the recipients are ignored.
--   3. Large events: an event with more than max_recipients recipients is left out (0 = no limit). A message to a
--      whole directorate or a town-hall meeting says little about who works with whom.
--   4. Events without a sender, without a time or left with no recipient are left out.
--   5. weight = events from sender to recipient in the period and channel; duration_minutes = their summed minutes
--      (each recipient of a meeting is credited its full length).
WITH settings AS (
  SELECT 25 AS max_recipients, 'week' AS period -- relaudit: settings
),
events AS (
  SELECT TRIM(sender) AS sender, recipients, event_time, LOWER(TRIM(channel)) AS channel,
    COALESCE(duration_minutes, 0) AS duration_minutes
  FROM raw_events
  WHERE sender IS NOT NULL AND TRIM(sender) <> '' AND event_time IS NOT NULL
),
-- One row per event and recipient. DISTINCT removes both a recipient listed twice and an event exported twice.
listed AS (
  SELECT DISTINCT r.sender, TRIM(r.recipient) AS recipient, r.recipients, r.event_time, r.channel, r.duration_minutes
  FROM (SELECT e.*, UNNEST(STRING_SPLIT(e.recipients, ';')) AS recipient FROM events AS e) AS r -- DIALECT: split and unnest
  WHERE TRIM(r.recipient) <> '' AND TRIM(r.recipient) <> r.sender
),
-- Recipients per event (an event is its sender, recipients, time, channel and minutes), for the large-event rule.
sized AS (
  SELECT l.*, COUNT(*) OVER (PARTITION BY sender, recipients, event_time, channel, duration_minutes) AS recipient_count
  FROM listed AS l
)
SELECT
  sized.sender AS "from",
  sized.recipient AS "to",
  CAST(CASE WHEN settings.period = 'month' THEN DATE_TRUNC('month', sized.event_time)
    ELSE DATE_TRUNC('week', sized.event_time) END AS DATE) AS "date", -- DIALECT: ISO week (Monday) and month starts
  sized.channel AS channel,
  COUNT(*) AS weight,
  SUM(sized.duration_minutes) AS duration_minutes
FROM sized CROSS JOIN settings
WHERE settings.max_recipients = 0 OR sized.recipient_count <= settings.max_recipients
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4
