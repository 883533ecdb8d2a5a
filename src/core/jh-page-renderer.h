/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "jh-layout.h"

G_BEGIN_DECLS

/**
 * JhPageLine:
 * @page: the page, from 0
 * @row: the line of the grid, from 0; page numbers are on the row after
 *   the last
 * @block: the index of the layout block the line belongs to, or -1 for
 *   a page number
 * @style: the line's style
 * @text: the text of the line
 * @x: where the line starts, in points from the left edge of the paper
 * @baseline: where its baseline is, in points from the top of the paper
 * @width: how wide it is, in points
 *
 * A line of text as it is placed on a page, for tests and previews.
 */
typedef struct
{
  guint        page;
  guint        row;
  int          block;
  JhTextStyle  style;
  char        *text;
  double       x;
  double       baseline;
  double       width;
} JhPageLine;

void jh_page_line_free (JhPageLine *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhPageLine, jh_page_line_free)

#define JH_TYPE_PAGE_RENDERER (jh_page_renderer_get_type ())

G_DECLARE_FINAL_TYPE (JhPageRenderer, jh_page_renderer, JH, PAGE_RENDERER, GObject)

JhPageRenderer *jh_page_renderer_new             (JhLayout        *layout);
JhLayout       *jh_page_renderer_get_layout      (JhPageRenderer  *self);
double          jh_page_renderer_get_page_width  (JhPageRenderer  *self);
double          jh_page_renderer_get_page_height (JhPageRenderer  *self);
guint           jh_page_renderer_get_n_pages     (JhPageRenderer  *self);
gboolean        jh_page_renderer_get_page_size   (JhPageRenderer  *self,
                                                  guint            page,
                                                  double          *width,
                                                  double          *height);
void            jh_page_renderer_draw_page       (JhPageRenderer  *self,
                                                  cairo_t         *cr,
                                                  guint            page);
GPtrArray      *jh_page_renderer_dup_lines       (JhPageRenderer  *self,
                                                  guint            page);
const char     *jh_page_renderer_get_family      (JhPageRenderer  *self,
                                                  JhTextStyle      style);

GStrv           jh_page_profile_dup_font_chain     (JhPageProfile *profile,
                                                    JhTextStyle    style);
char           *jh_page_profile_dup_installed_font (JhPageProfile *profile,
                                                    JhTextStyle    style);

G_END_DECLS
