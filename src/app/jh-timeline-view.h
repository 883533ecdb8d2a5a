/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_TIMELINE_VIEW (jh_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (JhTimelineView, jh_timeline_view, JH, TIMELINE_VIEW, GtkWidget)

GtkWidget        *jh_timeline_view_new                  (void);
JhSchedule       *jh_timeline_view_get_schedule         (JhTimelineView   *self);
void              jh_timeline_view_set_schedule         (JhTimelineView   *self,
                                                         JhSchedule       *schedule);
JhHistory        *jh_timeline_view_get_history          (JhTimelineView   *self);
void              jh_timeline_view_set_history          (JhTimelineView   *self,
                                                         JhHistory        *history);
JhTimelineZoom    jh_timeline_view_get_zoom             (JhTimelineView   *self);
void              jh_timeline_view_set_zoom             (JhTimelineView   *self,
                                                         JhTimelineZoom    zoom);
guint             jh_timeline_view_get_period           (JhTimelineView   *self);
void              jh_timeline_view_set_period           (JhTimelineView   *self,
                                                         guint             period);
JhTask           *jh_timeline_view_get_selected_task    (JhTimelineView   *self);
void              jh_timeline_view_set_selected_task    (JhTimelineView   *self,
                                                         JhTask           *task);
JhActivity       *jh_timeline_view_get_selected_activity (JhTimelineView  *self,
                                                         guint            *range_index);
void              jh_timeline_view_select_activity      (JhTimelineView   *self,
                                                         JhActivity       *activity,
                                                         guint             range_index);
const GDate      *jh_timeline_view_get_today            (JhTimelineView   *self);
void              jh_timeline_view_set_today            (JhTimelineView   *self,
                                                         const GDate      *today);

JhTimelineLayout *jh_timeline_view_get_layout           (JhTimelineView   *self);
void              jh_timeline_view_get_chart_area       (JhTimelineView   *self,
                                                         graphene_rect_t  *area);
char             *jh_timeline_view_dup_span_label       (JhTimelineView   *self);
void              jh_timeline_view_scroll_to_task       (JhTimelineView   *self,
                                                         JhTask           *task);

gboolean          jh_timeline_view_move_activity        (JhTimelineView   *self,
                                                         JhActivity       *activity,
                                                         guint             range_index,
                                                         int               n_xun);
gboolean          jh_timeline_view_resize_activity      (JhTimelineView   *self,
                                                         JhActivity       *activity,
                                                         guint             range_index,
                                                         JhTimelinePart    edge,
                                                         const GDate      *boundary);

G_END_DECLS
