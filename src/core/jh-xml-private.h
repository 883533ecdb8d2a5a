/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "jh-xml.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/**
 * JhXmlFormat:
 *
 * What a kind of Jihua file looks like: its root element, namespace and
 * the RELAX NG schema (a resource path) that describes it.
 */
typedef struct
{
  const char *root_name;
  const char *namespace_uri;
  const char *schema_resource;
  const char *description;
  /* Definitions of the schema whose values (their patterns, ranges…)
   * the reader of a stream checks itself: see _jh_xml_read_stream().
   */
  const char * const *values_checked_by_reader;
} JhXmlFormat;

/* Sees one element of a document read as a stream; returns FALSE with
 * @error set to stop the reading.
 */
typedef gboolean (*JhXmlElementFunc) (xmlNode  *node,
                                      gpointer  user_data,
                                      GError  **error);

/* Wraps the stream a save writes to: for tests that make writing fail. */
typedef GOutputStream *(*JhWriteFilter) (GOutputStream *stream,
                                         gpointer       user_data);

gboolean  _jh_file_replace_bytes    (GFile              *file,
                                     GBytes             *bytes,
                                     gboolean            make_backup,
                                     GFileCreateFlags    flags,
                                     GCancellable       *cancellable,
                                     GError            **error);
void      _jh_file_set_write_filter (JhWriteFilter       filter,
                                     gpointer            user_data);

xmlDoc   *_jh_xml_parse        (GBytes             *bytes,
                                const char         *display_name,
                                gboolean            keep_blanks,
                                GError            **error);
xmlDoc   *_jh_xml_read         (const JhXmlFormat  *format,
                                GBytes             *bytes,
                                const char         *display_name,
                                GError            **error);
gboolean  _jh_xml_read_stream  (const JhXmlFormat  *format,
                                GInputStream       *input,
                                const char         *display_name,
                                JhXmlElementFunc    func,
                                gpointer            user_data,
                                GCancellable       *cancellable,
                                GError            **error);
gboolean  _jh_xml_validate     (const JhXmlFormat  *format,
                                xmlDoc             *doc,
                                const char         *display_name,
                                GError            **error);
GBytes   *_jh_xml_dump         (xmlDoc             *doc);
void      _jh_xml_set_error_at (GError            **error,
                                JhFileError         code,
                                const char         *display_name,
                                long                line,
                                const char         *format,
                                ...) G_GNUC_PRINTF (5, 6);
char     *_jh_xml_dup_text     (xmlNode            *node);
xmlNode  *_jh_xml_first_child  (xmlNode            *node,
                                const char         *name);
char     *_jh_xml_dup_attribute          (xmlNode    *node,
                                          const char *name);
guint     _jh_xml_get_unsigned_attribute (xmlNode    *node,
                                          const char *name);
gboolean  _jh_xml_is_element             (xmlNode    *node,
                                          const char *name);

G_END_DECLS
