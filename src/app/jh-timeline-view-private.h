/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-timeline-view.h"

G_BEGIN_DECLS

/* What the drag gesture calls, in the widget's coordinates; the tests
 * call them too, as a pointer would.
 */
gboolean           _jh_timeline_view_drag_begin       (JhTimelineView *self,
                                                       double          x,
                                                       double          y);
void               _jh_timeline_view_drag_update      (JhTimelineView *self,
                                                       double          offset_x,
                                                       double          offset_y);
void               _jh_timeline_view_drag_end         (JhTimelineView *self,
                                                       double          offset_x,
                                                       double          offset_y);
const JhTimeRange *_jh_timeline_view_get_drag_preview (JhTimelineView *self);
guint              _jh_timeline_view_get_n_drawn_rows (JhTimelineView *self);

G_END_DECLS
