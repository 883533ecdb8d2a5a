/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "jh-schedule.h"
#include "jh-timeline-layout.h"

G_BEGIN_DECLS

/**
 * JhTimelineFormat:
 * @JH_TIMELINE_FORMAT_PNG: an image, 1600 pixels wide
 * @JH_TIMELINE_FORMAT_SVG: a drawing, with its text searchable
 * @JH_TIMELINE_FORMAT_PDF: A4 landscape pages, to print and file
 *
 * The files the timeline is exported as.
 */
typedef enum
{
  JH_TIMELINE_FORMAT_PNG,
  JH_TIMELINE_FORMAT_SVG,
  JH_TIMELINE_FORMAT_PDF,
} JhTimelineFormat;

/* The width of an exported PNG or SVG, in pixels. */
#define JH_TIMELINE_IMAGE_WIDTH 1600

/* The landscape A4 page of the timeline's PDF, in points. */
#define JH_TIMELINE_PAGE_WIDTH  841.89
#define JH_TIMELINE_PAGE_HEIGHT 595.28

void      jh_timeline_render               (JhTimelineLayout     *layout,
                                            cairo_t              *cr,
                                            double                label_width,
                                            double                font_size,
                                            guint                 first_row,
                                            guint                 n_rows);
double    jh_timeline_render_get_height    (JhTimelineLayout     *layout,
                                            double                font_size,
                                            guint                 n_rows);
JhTimelineLayout *jh_timeline_page_layout_new (JhSchedule       *schedule);
guint     jh_timeline_get_n_pages          (JhTimelineLayout     *layout);
void      jh_timeline_draw_page            (JhTimelineLayout     *layout,
                                            cairo_t              *cr,
                                            const char           *title,
                                            guint                 page);
void      jh_timeline_get_image_size       (JhSchedule           *schedule,
                                            int                  *width,
                                            int                  *height);

const char *jh_timeline_format_get_mime_type (JhTimelineFormat    format);
const char *jh_timeline_format_get_suffix    (JhTimelineFormat    format);

GBytes   *jh_timeline_export_to_bytes      (JhSchedule           *schedule,
                                            JhTimelineFormat      format,
                                            GError              **error);
gboolean  jh_timeline_export               (JhSchedule           *schedule,
                                            JhTimelineFormat      format,
                                            GFile                *out,
                                            GError              **error);
void      jh_timeline_export_async         (JhSchedule           *schedule,
                                            JhTimelineFormat      format,
                                            GFile                *out,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  jh_timeline_export_finish        (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
