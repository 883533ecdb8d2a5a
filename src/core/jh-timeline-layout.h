/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jh-schedule.h"
#include "jh-timing.h"

G_BEGIN_DECLS

/**
 * JhTimelineZoom:
 * @JH_TIMELINE_ZOOM_YEAR: the whole plan year
 * @JH_TIMELINE_ZOOM_HALF: one half of it (上半年 or 下半年)
 * @JH_TIMELINE_ZOOM_QUARTER: one quarter
 *
 * How much of the year a timeline shows.  The nicks ("year", "half",
 * "quarter") are the targets of the timeline's zoom action.
 */
typedef enum
{
  JH_TIMELINE_ZOOM_YEAR,
  JH_TIMELINE_ZOOM_HALF,
  JH_TIMELINE_ZOOM_QUARTER,
} JhTimelineZoom;

/**
 * JhTimelineUnit:
 * @JH_TIMELINE_UNIT_QUARTER: 第一季度 …
 * @JH_TIMELINE_UNIT_MONTH: 1月 …
 * @JH_TIMELINE_UNIT_XUN: 上旬, 中旬, 下旬
 *
 * The three bands of the timeline's header, coarse to fine.
 */
typedef enum
{
  JH_TIMELINE_UNIT_QUARTER,
  JH_TIMELINE_UNIT_MONTH,
  JH_TIMELINE_UNIT_XUN,
} JhTimelineUnit;

/**
 * JhTimelineMarkKind:
 * @JH_TIMELINE_MARK_BAR: a stretch of days, drawn as a bar
 * @JH_TIMELINE_MARK_DAY: a single day, drawn as a marker
 * @JH_TIMELINE_MARK_DEADLINE: a due date with no start ("10月底前"),
 *   drawn as a marker at the due date with a fade leading up to it
 */
typedef enum
{
  JH_TIMELINE_MARK_BAR,
  JH_TIMELINE_MARK_DAY,
  JH_TIMELINE_MARK_DEADLINE,
} JhTimelineMarkKind;

/**
 * JhTimelineRowKind:
 * @JH_TIMELINE_ROW_TASK: a task
 * @JH_TIMELINE_ROW_SECTION: the heading of a section, when tasks of
 *   more than one section are on the timeline
 * @JH_TIMELINE_ROW_UNSCHEDULED: the heading over the tasks with no date
 */
typedef enum
{
  JH_TIMELINE_ROW_TASK,
  JH_TIMELINE_ROW_SECTION,
  JH_TIMELINE_ROW_UNSCHEDULED,
} JhTimelineRowKind;

/**
 * JhTimelinePart:
 * @JH_TIMELINE_PART_NONE: no mark, only the row
 * @JH_TIMELINE_PART_BODY: the middle of a mark: dragging it moves it
 * @JH_TIMELINE_PART_START: the start of a bar: dragging it resizes
 * @JH_TIMELINE_PART_END: the end of a bar: dragging it resizes
 */
typedef enum
{
  JH_TIMELINE_PART_NONE,
  JH_TIMELINE_PART_BODY,
  JH_TIMELINE_PART_START,
  JH_TIMELINE_PART_END,
} JhTimelinePart;

/**
 * JhTimelineCell:
 * @unit: the band the cell is in
 * @number: 1–4 for a quarter, 1–12 for a month, 1–3 for a 旬
 * @start: its first day, within the visible span
 * @end: its last day, within the visible span
 * @x1: where it starts
 * @x2: where it ends (where the next one starts)
 * @label: "第一季度", "1月", "上旬"
 * @short_label: what fits a narrow cell: "一季度", "1月", "上"
 *
 * A quarter, month or 旬 of the header.
 */
typedef struct
{
  JhTimelineUnit  unit;
  guint           number;
  GDate           start;
  GDate           end;
  double          x1;
  double          x2;
  const char     *label;
  const char     *short_label;
} JhTimelineCell;

/**
 * JhTimelineMark:
 * @kind: how it is drawn
 * @activity: the activity it belongs to
 * @range_index: which range of the activity's timing it shows
 * @range: that range
 * @x1: for a bar, where it starts; for a day, the start of the day; for
 *   a deadline, where the fade before the due date starts
 * @x2: the end of the last day (of the due date for a deadline)
 * @recurring: one occurrence of 每月, 每季度 …
 * @editable: whether dragging may change it: only a task's own timing,
 *   neither recurring nor outside the plan year, is rewritten
 * @clipped_start: it begins before the visible span
 * @clipped_end: it ends after the visible span
 *
 * One range of an activity, placed on the timeline.
 */
typedef struct
{
  JhTimelineMarkKind  kind;
  JhActivity         *activity;
  guint               range_index;
  JhTimeRange         range;
  double              x1;
  double              x2;
  gboolean            recurring;
  gboolean            editable;
  gboolean            clipped_start;
  gboolean            clipped_end;
} JhTimelineMark;

/**
 * JhTimelineRow:
 * @kind: a task, or a heading
 * @task: (nullable): the task
 * @depth: 0 for a main task, 1 for its sub-task …
 * @numbering: "（一）", "1." …; a section's "三、"; empty for the heading
 *   of the unscheduled tasks
 * @label: the task's lead sentence, or the section's title; empty for
 *   the heading of the unscheduled tasks
 * @when: when, in the plan's words: the task's timing field, or else
 *   the first time expression of its text; empty when there is none
 * @unscheduled: the task has no activity, nor has any sub-task
 * @y: its top, the first row at 0
 * @height: its height
 * @first_mark: the index of its first mark
 * @n_marks: how many marks it has
 */
typedef struct
{
  JhTimelineRowKind  kind;
  JhTask            *task;
  guint              depth;
  char              *numbering;
  char              *label;
  char              *when;
  gboolean           unscheduled;
  double             y;
  double             height;
  guint              first_mark;
  guint              n_marks;
} JhTimelineRow;

/**
 * JhTimelineHit:
 * @row: the row under the point
 * @mark: the mark under it, or -1
 * @part: which part of the mark
 *
 * What is under a point of the timeline.
 */
typedef struct
{
  guint          row;
  int            mark;
  JhTimelinePart part;
} JhTimelineHit;

typedef struct _JhTimelineLayout JhTimelineLayout;

#define JH_TYPE_TIMELINE_LAYOUT (jh_timeline_layout_get_type ())

/* The width of the grab area at each end of a bar, in layout units. */
#define JH_TIMELINE_EDGE_WIDTH 6.0

GType                 jh_timeline_layout_get_type        (void) G_GNUC_CONST;
JhTimelineLayout     *jh_timeline_layout_new             (JhSchedule             *schedule,
                                                          JhTimelineZoom          zoom,
                                                          guint                   period,
                                                          double                  width,
                                                          double                  row_height);
JhTimelineLayout     *jh_timeline_layout_ref             (JhTimelineLayout       *self);
void                  jh_timeline_layout_unref           (JhTimelineLayout       *self);

JhSchedule           *jh_timeline_layout_get_schedule    (JhTimelineLayout       *self);
guint                 jh_timeline_layout_get_year        (JhTimelineLayout       *self);
JhTimelineZoom        jh_timeline_layout_get_zoom        (JhTimelineLayout       *self);
guint                 jh_timeline_layout_get_period      (JhTimelineLayout       *self);
double                jh_timeline_layout_get_width       (JhTimelineLayout       *self);
double                jh_timeline_layout_get_row_height  (JhTimelineLayout       *self);
double                jh_timeline_layout_get_height      (JhTimelineLayout       *self);
void                  jh_timeline_layout_get_span        (JhTimelineLayout       *self,
                                                          GDate                  *first,
                                                          GDate                  *last);
char                 *jh_timeline_layout_dup_span_label  (JhTimelineLayout       *self);

gboolean              jh_timeline_layout_contains        (JhTimelineLayout       *self,
                                                          const GDate            *date);
double                jh_timeline_layout_x_for_date      (JhTimelineLayout       *self,
                                                          const GDate            *date);
void                  jh_timeline_layout_date_for_x      (JhTimelineLayout       *self,
                                                          double                  x,
                                                          GDate                  *date);
double                jh_timeline_layout_snap_x          (JhTimelineLayout       *self,
                                                          double                  x,
                                                          GDate                  *boundary);

guint                 jh_timeline_layout_get_n_cells     (JhTimelineLayout       *self,
                                                          JhTimelineUnit          unit);
const JhTimelineCell *jh_timeline_layout_get_cell        (JhTimelineLayout       *self,
                                                          JhTimelineUnit          unit,
                                                          guint                   index_);

guint                 jh_timeline_layout_get_n_rows      (JhTimelineLayout       *self);
const JhTimelineRow  *jh_timeline_layout_get_row         (JhTimelineLayout       *self,
                                                          guint                   index_);
int                   jh_timeline_layout_get_row_at_y    (JhTimelineLayout       *self,
                                                          double                  y);
int                   jh_timeline_layout_find_row        (JhTimelineLayout       *self,
                                                          JhTask                 *task);
guint                 jh_timeline_layout_get_n_marks     (JhTimelineLayout       *self);
const JhTimelineMark *jh_timeline_layout_get_mark        (JhTimelineLayout       *self,
                                                          guint                   index_);
int                   jh_timeline_layout_find_mark       (JhTimelineLayout       *self,
                                                          JhTask                 *task,
                                                          guint                   activity_index,
                                                          guint                   range_index);
gboolean              jh_timeline_layout_hit             (JhTimelineLayout       *self,
                                                          double                  x,
                                                          double                  y,
                                                          JhTimelineHit          *hit);

gboolean              jh_timeline_cell_draws_line        (const JhTimelineCell   *cell);
gboolean              jh_timeline_mark_is_light          (const JhTimelineMark   *mark);
void                  jh_timeline_mark_widen_day         (const JhTimelineMark   *mark,
                                                          double                  row_height,
                                                          double                 *x1,
                                                          double                 *x2);
gboolean              jh_timeline_place_beside           (double                  first_x,
                                                          double                  last_x,
                                                          double                  width,
                                                          double                  gap,
                                                          double                  chart_width,
                                                          double                 *x);

guint                 jh_timeline_layout_get_workload    (JhTimelineLayout       *self,
                                                          GDateMonth              month);
guint                 jh_timeline_layout_get_max_workload (JhTimelineLayout      *self);

gboolean              jh_timeline_range_move             (const JhTimeRange      *range,
                                                          int                     n_xun,
                                                          guint                   year,
                                                          JhTimeRange            *result);
gboolean              jh_timeline_range_resize           (const JhTimeRange      *range,
                                                          JhTimelinePart          edge,
                                                          const GDate            *boundary,
                                                          guint                   year,
                                                          JhTimeRange            *result);
char                 *jh_timeline_format_span            (guint                   year,
                                                          JhTimelineZoom          zoom,
                                                          guint                   period);
int                   jh_timeline_count_xun              (const GDate            *from,
                                                          const GDate            *to);
char                 *jh_timeline_dup_timing_text        (JhTiming               *timing,
                                                          guint                   range_index,
                                                          const JhTimeRange      *range);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhTimelineLayout, jh_timeline_layout_unref)

G_END_DECLS
