/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * JhTimeGranularity:
 * @JH_TIME_GRANULARITY_YEAR: the whole year (全年, 年内)
 * @JH_TIME_GRANULARITY_HALF: 上半年, 下半年
 * @JH_TIME_GRANULARITY_QUARTER: 第一季度 …
 * @JH_TIME_GRANULARITY_MONTH: 5月, 年底
 * @JH_TIME_GRANULARITY_XUN: a ten-day period: 上旬 1–10, 中旬 11–20,
 *   下旬 21 to the end of the month
 * @JH_TIME_GRANULARITY_DAY: 5月20日, holidays
 *
 * How precisely a plan states a time.  The values go from coarse to
 * fine, so the finer of two granularities is the larger value.
 */
typedef enum
{
  JH_TIME_GRANULARITY_YEAR,
  JH_TIME_GRANULARITY_HALF,
  JH_TIME_GRANULARITY_QUARTER,
  JH_TIME_GRANULARITY_MONTH,
  JH_TIME_GRANULARITY_XUN,
  JH_TIME_GRANULARITY_DAY,
} JhTimeGranularity;

/**
 * JhTimeRecurrence:
 * @JH_TIME_RECURRENCE_NONE: happens once (or on the listed dates)
 * @JH_TIME_RECURRENCE_WEEKLY: 每周: one occurrence per Monday-to-Sunday
 *   week, the first and last clipped to the year
 * @JH_TIME_RECURRENCE_MONTHLY: 每月, 每月初, 每月16日
 * @JH_TIME_RECURRENCE_BIMONTHLY: 双月, 每两个月: one occurrence in each
 *   two-month block (1–2月, 3–4月 …)
 * @JH_TIME_RECURRENCE_QUARTERLY: 每季度
 * @JH_TIME_RECURRENCE_HALF_YEARLY: 每半年
 *
 * The nicks ("none", "weekly", "monthly", "bimonthly", "quarterly",
 * "half-yearly") are the names used in files and JSON.
 */
typedef enum
{
  JH_TIME_RECURRENCE_NONE,
  JH_TIME_RECURRENCE_WEEKLY,
  JH_TIME_RECURRENCE_MONTHLY,
  JH_TIME_RECURRENCE_BIMONTHLY,
  JH_TIME_RECURRENCE_QUARTERLY,
  JH_TIME_RECURRENCE_HALF_YEARLY,
} JhTimeRecurrence;

/**
 * JhTimeRange:
 * @start: the first day; invalid (cleared) for a deadline
 * @end: the last day, inclusive
 * @granularity: how precisely the plan stated it
 * @is_deadline: %TRUE for "6月底前", "国庆前": only the end is known
 *
 * One stretch of days.  A plain struct, copied by value.
 */
typedef struct
{
  GDate             start;
  GDate             end;
  JhTimeGranularity granularity;
  gboolean          is_deadline;
} JhTimeRange;

#define JH_TIMING_ERROR (jh_timing_error_quark ())

/**
 * JhTimingError:
 * @JH_TIMING_ERROR_EMPTY: there is no text
 * @JH_TIMING_ERROR_UNRECOGNIZED: not a time expression Jihua knows
 * @JH_TIMING_ERROR_VAGUE: relative or vague (下周, 近期, 适时, 明年)
 * @JH_TIMING_ERROR_LUNAR: a lunar month or day (腊月, 正月十五)
 * @JH_TIMING_ERROR_INVALID_DATE: no such date (13月, 2月30日, 第五季度)
 * @JH_TIMING_ERROR_NO_MONTH: a part of a month with no month (中旬, 月底)
 * @JH_TIMING_ERROR_REVERSED: a range that ends before it starts
 * @JH_TIMING_ERROR_UNSUPPORTED: understood but not representable: open
 *   ends (国庆后), 每年, 每天, or a lunar holiday outside the table
 */
typedef enum
{
  JH_TIMING_ERROR_EMPTY,
  JH_TIMING_ERROR_UNRECOGNIZED,
  JH_TIMING_ERROR_VAGUE,
  JH_TIMING_ERROR_LUNAR,
  JH_TIMING_ERROR_INVALID_DATE,
  JH_TIMING_ERROR_NO_MONTH,
  JH_TIMING_ERROR_REVERSED,
  JH_TIMING_ERROR_UNSUPPORTED,
} JhTimingError;

typedef struct _JhTiming JhTiming;

#define JH_TYPE_TIMING (jh_timing_get_type ())

/**
 * JhTimingMatch:
 * @offset: where the expression starts in the searched text, in bytes
 * @length: its length in bytes
 * @char_offset: where it starts, in characters
 * @char_length: its length in characters
 * @timing: the parsed expression
 *
 * A time expression found in running text by jh_timing_find().
 */
typedef struct
{
  gsize     offset;
  gsize     length;
  glong     char_offset;
  glong     char_length;
  JhTiming *timing;
} JhTimingMatch;

GQuark             jh_timing_error_quark            (void);

const char        *jh_time_granularity_to_nick      (JhTimeGranularity   granularity);
gboolean           jh_time_granularity_from_nick    (const char         *nick,
                                                     JhTimeGranularity  *granularity);
const char        *jh_time_recurrence_to_nick       (JhTimeRecurrence    recurrence);
gboolean           jh_time_recurrence_from_nick     (const char         *nick,
                                                     JhTimeRecurrence   *recurrence);

void               jh_time_range_init               (JhTimeRange        *range,
                                                     const GDate        *start,
                                                     const GDate        *end,
                                                     JhTimeGranularity   granularity);
void               jh_time_range_init_deadline      (JhTimeRange        *range,
                                                     const GDate        *end,
                                                     JhTimeGranularity   granularity);
gboolean           jh_time_range_get_start          (const JhTimeRange  *range,
                                                     GDate              *start);
void               jh_time_range_get_end            (const JhTimeRange  *range,
                                                     GDate              *end);
gboolean           jh_time_range_equal              (const JhTimeRange  *a,
                                                     const JhTimeRange  *b);
gboolean           jh_time_range_contains           (const JhTimeRange  *range,
                                                     const GDate        *date);
gboolean           jh_time_range_overlaps           (const JhTimeRange  *range,
                                                     const GDate        *start,
                                                     const GDate        *end);
void               jh_time_range_snap               (JhTimeRange        *range,
                                                     JhTimeGranularity   granularity);

GType              jh_timing_get_type               (void) G_GNUC_CONST;
JhTiming          *jh_timing_parse                  (const char         *text,
                                                     guint               plan_year,
                                                     GError            **error);
JhTiming          *jh_timing_new_for_range          (const JhTimeRange  *range,
                                                     guint               plan_year);
JhTiming          *jh_timing_ref                    (JhTiming           *self);
void               jh_timing_unref                  (JhTiming           *self);
const char        *jh_timing_get_text               (JhTiming           *self);
guint              jh_timing_get_plan_year          (JhTiming           *self);
guint              jh_timing_get_n_ranges           (JhTiming           *self);
const JhTimeRange *jh_timing_get_range              (JhTiming           *self,
                                                     guint               index_);
JhTimeRecurrence   jh_timing_get_recurrence         (JhTiming           *self);
gboolean           jh_timing_get_outside_plan_year  (JhTiming           *self);
gboolean           jh_timing_get_span               (JhTiming           *self,
                                                     GDate              *start,
                                                     GDate              *end);
gboolean           jh_timing_overlaps               (JhTiming           *self,
                                                     const GDate        *start,
                                                     const GDate        *end);
char              *jh_timing_format                 (JhTiming           *self);
char              *jh_timing_format_range           (const JhTimeRange  *range,
                                                     guint               plan_year);

GPtrArray         *jh_timing_find                   (const char         *text,
                                                     guint               plan_year);
void               jh_timing_match_free             (JhTimingMatch      *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhTiming, jh_timing_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhTimingMatch, jh_timing_match_free)

G_END_DECLS
