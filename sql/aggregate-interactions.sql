-- relaudit: raw collaboration events → interactions (one row per sender, recipient, period and channel).
--
-- Run it where the events live (DuckDB, Spark SQL/Databricks, BigQuery, Snowflake) and hand relaudit the result as
-- interactions (Parquet or CSV); `relaudit aggregate` runs this same file in DuckDB. Written in a portable subset of
-- SQL: the dialect-specific steps (the recipients list: split, distinct, size, membership, unnest) and the date
-- functions are marked "DIALECT", with each engine's spelling in docs/scale.md.
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
-- One row per event: DISTINCT makes an event exported twice count once (rule 1).
events AS (
  SELECT DISTINCT TRIM(sender) AS sender, recipients, event_time, LOWER(TRIM(channel)) AS channel,
    COALESCE(duration_minutes, 0) AS duration_minutes
  FROM raw_events
  WHERE sender IS NOT NULL AND TRIM(sender) <> '' AND event_time IS NOT NULL
),
-- Each event's period and its distinct recipients as a list, each name trimmed as the sender is. Most events have one
-- recipient, and most lists are plain ASCII names without spaces, so the per-name TRIM runs only where needed; TRIM
-- also strips Unicode spaces (U+00A0 from spreadsheets), so anything beyond printable ASCII takes the trimmed path.
listed AS (
  SELECT e.sender, e.channel, e.duration_minutes,
    CAST(CASE WHEN settings.period = 'month' THEN DATE_TRUNC('month', e.event_time)
      ELSE DATE_TRUNC('week', e.event_time) END AS DATE) AS period_start, -- DIALECT: ISO week (Monday) and month starts
    CASE WHEN STRPOS(e.recipients, ';') = 0 THEN [TRIM(e.recipients)]
      WHEN NOT REGEXP_MATCHES(e.recipients, '[^!-~]') THEN LIST_DISTINCT(STRING_SPLIT(e.recipients, ';'))
      ELSE LIST_DISTINCT(LIST_TRANSFORM(STRING_SPLIT(e.recipients, ';'), name -> TRIM(name)))
    END AS names, -- DIALECT: a list of one, a character outside printable ASCII, split, distinct, trim each
    settings.max_recipients
  FROM events AS e CROSS JOIN settings
),
-- The event's recipient count for the large-event rule (rule 3), from its list, before any unnesting: the list's size
-- less the sender and a blank where listed (rule 2).
sized AS (
  SELECT l.*, LEN(l.names) - CAST(LIST_CONTAINS(l.names, l.sender) AS INTEGER)
    - CAST(LIST_CONTAINS(l.names, '') AS INTEGER) AS recipient_count -- DIALECT: list size and membership
  FROM listed AS l
),
-- One row per kept event and recipient: events over the limit are never unnested.
pairs AS (
  SELECT s.sender, s.recipient, s.period_start, s.channel, s.duration_minutes
  FROM (SELECT k.*, UNNEST(k.names) AS recipient FROM sized AS k -- DIALECT: unnest
    WHERE k.max_recipients = 0 OR k.recipient_count <= k.max_recipients) AS s
  WHERE s.recipient <> '' AND s.recipient <> s.sender
)
SELECT sender AS "from", recipient AS "to", period_start AS "date", channel, COUNT(*) AS weight,
  SUM(duration_minutes) AS duration_minutes
FROM pairs
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4
