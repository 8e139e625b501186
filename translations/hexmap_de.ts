<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ByteFormat</name>
    <message>
        <source>Hex Text</source>
        <translation>Hex-Text</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>C/C++ Array</source>
        <translation>C/C++-Array</translation>
    </message>
    <message>
        <source>Python Bytes</source>
        <translation>Python-Bytes</translation>
    </message>
    <message>
        <source>Rust Array</source>
        <translation>Rust-Array</translation>
    </message>
    <message>
        <source>Go Slice</source>
        <translation>Go-Slice</translation>
    </message>
    <message>
        <source>Java Array</source>
        <translation>Java-Array</translation>
    </message>
    <message>
        <source>C# Array</source>
        <translation>C#-Array</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>xxd Dump</source>
        <translation>xxd-Dump</translation>
    </message>
    <message>
        <source>Raw Bytes</source>
        <translation>Rohe Bytes</translation>
    </message>
</context>
<context>
    <name>CompareResult</name>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message>
        <source>%1 differ (%2).</source>
        <translation>%1 unterscheiden sich (%2).</translation>
    </message>
    <message>
        <source>range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>ranges</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>byte</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>%1 only in A.</source>
        <translation>%1 nur in A.</translation>
    </message>
    <message>
        <source>%1 only in B.</source>
        <translation>%1 nur in B.</translation>
    </message>
    <message>
        <source>Listed the first %1.</source>
        <translation>Die ersten %1 sind aufgelistet.</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Offset in A</source>
        <translation>Position in A</translation>
    </message>
    <message>
        <source>Offset in B</source>
        <translation>Position in B</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <source>The scratch buffer has never been written to a file.</source>
        <translation>Der Notizpuffer wurde noch nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Save it to a file, or discard its bytes?</source>
        <translation>In eine Datei speichern oder seine Bytes verwerfen?</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>The file is untouched until you save. Save the modified bytes into it, or discard them?</source>
        <translation>Die Datei bleibt unverändert, bis Sie speichern. Die geänderten Bytes hineinschreiben oder verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>%1 has edits that are not flushed to disk.</source>
        <translation>%1 hat Änderungen, die nicht auf die Festplatte geschrieben sind.</translation>
    </message>
    <message>
        <source>Flush makes them durable now; Revert undoes them back to the last flush.</source>
        <translation>„Schreiben“ macht sie jetzt dauerhaft; „Zurücknehmen“ macht sie bis zum letzten Schreiben rückgängig.</translation>
    </message>
    <message>
        <source>Flush makes them durable now. They cannot be reverted: the undo history no longer reaches the last flush.</source>
        <translation>„Schreiben“ macht sie jetzt dauerhaft. Zurücknehmen lassen sie sich nicht: Der Rückgängig-Verlauf reicht nicht mehr bis zum letzten Schreiben.</translation>
    </message>
    <message>
        <source>&amp;Flush</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>ein FIFO</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Overwrite %1</source>
        <translation>%1 überschreiben</translation>
    </message>
    <message>
        <source>byte</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Resize to %1 bytes</source>
        <translation>Größe auf %1 Bytes ändern</translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>%1 einfügen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Replace %1 with %2</source>
        <translation>%1 durch %2 ersetzen</translation>
    </message>
</context>
<context>
    <name>TextEncoding</name>
    <message>
        <source>ASCII</source>
        <translation>ASCII</translation>
    </message>
    <message>
        <source>Latin-1</source>
        <translation>Latin-1</translation>
    </message>
    <message>
        <source>Windows-1252</source>
        <translation>Windows-1252</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-16LE</source>
        <translation>UTF-16LE</translation>
    </message>
    <message>
        <source>UTF-16BE</source>
        <translation>UTF-16BE</translation>
    </message>
    <message>
        <source>EBCDIC (IBM037)</source>
        <translation>EBCDIC (IBM037)</translation>
    </message>
    <message>
        <source>EBCDIC (IBM1047)</source>
        <translation>EBCDIC (IBM1047)</translation>
    </message>
    <message>
        <source>DOS (CP437)</source>
        <translation>DOS (CP437)</translation>
    </message>
    <message>
        <source>KOI8-R</source>
        <translation>KOI8-R</translation>
    </message>
    <message>
        <source>Shift_JIS</source>
        <translation>Shift_JIS</translation>
    </message>
    <message>
        <source>GB18030</source>
        <translation>GB18030</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in %2</source>
        <translation>„%1“ gibt es in %2 nicht</translation>
    </message>
</context>
<context>
    <name>hexmap</name>
    <message>
        <source>Hex viewer and editor built on memory mapping.
Sizes take 0x hex and K/M/G (1024) or KB/MB/GB (1000) suffixes.
Qt&apos;s own options (-platform, -display, -style…) are listed by --help-all.</source>
        <translation>Hex-Betrachter und -Editor auf Basis von Speicherabbildungen.
Größen nehmen 0x-Hex und die Endungen K/M/G (1024) oder KB/MB/GB (1000).
Qts eigene Optionen (-platform, -display, -style…) listet --help-all auf.</translation>
    </message>
    <message>
        <source>Open the files read-only.</source>
        <translation>Die Dateien schreibgeschützt öffnen.</translation>
    </message>
    <message>
        <source>Open copy-on-write: the files stay untouched until Save.</source>
        <translation>Copy-on-write öffnen: Die Dateien bleiben bis zum Speichern unverändert.</translation>
    </message>
    <message>
        <source>Map from byte N (a multiple of the page size).</source>
        <translation>Ab Byte N abbilden (ein Vielfaches der Seitengröße).</translation>
    </message>
    <message>
        <source>Map N bytes (default: to the end).</source>
        <translation>N Bytes abbilden (Vorgabe: bis zum Ende).</translation>
    </message>
    <message>
        <source>Put the cursor at OFFSET (negative: from the end).</source>
        <translation>Den Cursor auf OFFSET setzen (negativ: vom Ende aus).</translation>
    </message>
    <message>
        <source>Compare the two FILEs side by side (A B), as File &gt; Compare does.</source>
        <translation>Die zwei DATEIEN nebeneinander vergleichen (A B), wie Datei &gt; Vergleichen.</translation>
    </message>
    <message>
        <source>Files to open.</source>
        <translation>Zu öffnende Dateien.</translation>
    </message>
    <message>
        <source>; end is one past the last byte, which is end - 1</source>
        <translation>; end liegt ein Byte hinter dem letzten, das end - 1 ist</translation>
    </message>
    <message>
        <source>--offset %1: not a multiple of the page size, %2 bytes (the nearest below is %3)</source>
        <translation>--offset %1: kein Vielfaches der Seitengröße, %2 Bytes (das nächstkleinere ist %3)</translation>
    </message>
    <message>
        <source>%1: the name is not valid UTF-8, and hexmap can only open files whose names are (rename it, e.g. with convmv)</source>
        <translation>%1: Der Name ist kein gültiges UTF-8, und hexmap kann nur Dateien öffnen, deren Namen es sind (benennen Sie sie um, z. B. mit convmv)</translation>
    </message>
    <message>
        <source>This moves %1 of the file in place. A crash or power loss while they move leaves the file half shifted, and Flush makes them durable only once it has written them all. Keep a copy of what you cannot lose. (Said once per file.)</source>
        <translation>Dies verschiebt %1 der Datei an Ort und Stelle. Ein Absturz oder Stromausfall während des Verschiebens hinterlässt die Datei halb verschoben, und „Schreiben“ macht sie erst dauerhaft, wenn alles geschrieben ist. Behalten Sie eine Kopie dessen, was Sie nicht verlieren dürfen. (Wird einmal pro Datei gesagt.)</translation>
    </message>
    <message>
        <source>It removes %1, more than the %2 that undo keeps: it cannot be undone, and the undo history is cleared.</source>
        <translation>Es entfernt %1, mehr als die %2, die der Rückgängig-Verlauf behält: Es lässt sich nicht rückgängig machen, und der Verlauf wird geleert.</translation>
    </message>
    <message>
        <source>Insert or Delete</source>
        <translation>Einfügen oder Löschen</translation>
    </message>
    <message>
        <source>Moving the bytes after the edit…</source>
        <translation>Die Bytes hinter der Änderung werden verschoben…</translation>
    </message>
    <message>
        <source>Try &apos;hexmap --help&apos;.
</source>
        <translation>Siehe &apos;hexmap --help&apos;.
</translation>
    </message>
    <message>
        <source>--read-only and --copy-on-write exclude each other</source>
        <translation>--read-only und --copy-on-write schließen einander aus</translation>
    </message>
    <message>
        <source>--offset, --length and --goto need a FILE</source>
        <translation>--offset, --length und --goto brauchen eine DATEI</translation>
    </message>
    <message>
        <source>--diff needs two files, A and B (got %1)</source>
        <translation>--diff braucht zwei Dateien, A und B (erhalten: %1)</translation>
    </message>
</context>
<context>
    <name>hexmap::AdviceDialog</name>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Memory Advice</source>
        <translation>Speicherhinweis</translation>
    </message>
    <message>
        <source> (Linux)</source>
        <translation> (Linux)</translation>
    </message>
    <message>
        <source>The &amp;whole map</source>
        <translation>Die &amp;ganze Abbildung</translation>
    </message>
    <message>
        <source>The &amp;selection</source>
        <translation>Die Aus&amp;wahl</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>On a file-backed map the residency map shows the page cache: DONTNEED unmaps the pages from hexmap but leaves them cached, so nothing leaves the map. WILLNEED starts reading pages in (in the background, up to the read-ahead size per call); on an anonymous map DONTNEED frees them.</source>
        <translation>Bei einer dateigestützten Abbildung zeigt die Residenzkarte den Seitencache: DONTNEED löst die Seiten aus hexmap, lässt sie aber im Cache, sodass nichts die Abbildung verlässt. WILLNEED beginnt, Seiten einzulesen (im Hintergrund, bis zur Read-ahead-Größe je Aufruf); bei einer anonymen Abbildung gibt DONTNEED sie frei.</translation>
    </message>
    <message>
        <source>madvise needs a start on a page boundary (%1 bytes). Aligned, the range is %2–%3: Align uses it.</source>
        <translation>madvise braucht einen Anfang auf einer Seitengrenze (%1 Bytes). Ausgerichtet ist der Bereich %2–%3: „Ausrichten“ übernimmt ihn.</translation>
    </message>
    <message>
        <source>Range: %1, %2 bytes.</source>
        <translation>Bereich: %1, %2 Bytes.</translation>
    </message>
    <message>
        <source>%1 was not applied: nothing changed.</source>
        <translation>%1 wurde nicht angewendet: Nichts hat sich geändert.</translation>
    </message>
    <message>
        <source>%1 applied to the whole map (%2 bytes): over part of it, the kernel would split the mapping and Resize could no longer grow it.</source>
        <translation>%1 auf die ganze Abbildung angewendet (%2 Bytes): Auf einen Teil davon angewendet, würde der Kernel die Abbildung teilen, und „Größe ändern“ könnte sie nicht mehr vergrößern.</translation>
    </message>
    <message>
        <source>%1 applied to %2 bytes.</source>
        <translation>%1 auf %2 Bytes angewendet.</translation>
    </message>
    <message>
        <source>&amp;Save First</source>
        <translation>&amp;Zuerst speichern</translation>
    </message>
    <message>
        <source>&amp;Destroy the Bytes</source>
        <translation>Bytes &amp;vernichten</translation>
    </message>
    <message>
        <source>&amp;Drop the Edits</source>
        <translation>Änderungen &amp;fallen lassen</translation>
    </message>
    <message>
        <source>%1 was not applied: saving failed: %2</source>
        <translation>%1 wurde nicht angewendet: Speichern fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>hexmap::Bookmarks</name>
    <message>
        <source>Bookmark %1</source>
        <translation>Lesezeichen %1</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>Out of range: the map holds %1 usable bytes; this bookmark is kept.</source>
        <translation>Außerhalb des Bereichs: Die Abbildung enthält %1 nutzbare Bytes; dieses Lesezeichen bleibt erhalten.</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
</context>
<context>
    <name>hexmap::BookmarksDock</name>
    <message>
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Go To</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Farbe</translation>
    </message>
    <message>
        <source>Bookmark added.</source>
        <translation>Lesezeichen hinzugefügt.</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>Lesezeichen entfernt.</translation>
    </message>
    <message>
        <source>No bookmark in range to go to.</source>
        <translation>Kein Lesezeichen im Bereich, zu dem gesprungen werden kann.</translation>
    </message>
</context>
<context>
    <name>hexmap::CompareDialog</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>&amp;A:</source>
        <translation>&amp;A:</translation>
    </message>
    <message>
        <source>&amp;B:</source>
        <translation>&amp;B:</translation>
    </message>
    <message>
        <source>A from &amp;offset:</source>
        <translation>A ab &amp;Position:</translation>
    </message>
    <message>
        <source>B from o&amp;ffset:</source>
        <translation>B ab P&amp;osition:</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Choose two different files.</source>
        <translation>Wählen Sie zwei verschiedene Dateien.</translation>
    </message>
</context>
<context>
    <name>hexmap::CompareView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Compare %1 and %2</source>
        <translation>%1 und %2 vergleichen</translation>
    </message>
    <message>
        <source>Next Difference</source>
        <translation>Nächster Unterschied</translation>
    </message>
    <message>
        <source>Previous Difference</source>
        <translation>Vorheriger Unterschied</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleiche…</translation>
    </message>
    <message>
        <source>No difference after the cursor.</source>
        <translation>Kein Unterschied hinter dem Cursor.</translation>
    </message>
    <message>
        <source>No difference before the cursor.</source>
        <translation>Kein Unterschied vor dem Cursor.</translation>
    </message>
    <message>
        <source>The comparison stopped: %1</source>
        <translation>Der Vergleich wurde abgebrochen: %1</translation>
    </message>
    <message>
        <source>Canceled after %1.</source>
        <translation>Abgebrochen nach %1.</translation>
    </message>
</context>
<context>
    <name>hexmap::Comparison</name>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>only in %1</source>
        <translation>nur in %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>equal</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>differ</source>
        <translation>verschieden</translation>
    </message>
    <message>
        <source>%1 %2: %3 · %4 %5: %6 (%7)</source>
        <translation>%1 %2: %3 · %4 %5: %6 (%7)</translation>
    </message>
</context>
<context>
    <name>hexmap::Document</name>
    <message>
        <source>An insert or delete is moving bytes: wait until it has ended.</source>
        <translation>Ein Einfügen oder Löschen verschiebt gerade Bytes: Warten Sie, bis es beendet ist.</translation>
    </message>
    <message>
        <source>%1 Taking the inserted blocks out again failed too: the file holds %2 more bytes of zeros at offset %3.</source>
        <translation>%1 Auch das Entfernen der eingefügten Blöcke ist fehlgeschlagen: Die Datei enthält an Position %3 zusätzlich %2 Null-Bytes.</translation>
    </message>
    <message>
        <source>another program truncated the file, so the map keeps its new size</source>
        <translation>ein anderes Programm hat die Datei gekürzt, daher behält die Abbildung ihre neue Größe</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>%1 is %2: hexmap maps regular files only.</source>
        <translation>%1 ist %2: hexmap bildet nur reguläre Dateien ab.</translation>
    </message>
    <message>
        <source>The offset must be a multiple of %1 bytes; %2 is not (the nearest below is %3).</source>
        <translation>Die Position muss ein Vielfaches von %1 Bytes sein; %2 ist es nicht (das nächstkleinere ist %3).</translation>
    </message>
    <message>
        <source>%1 says it is empty (size 0) but reading it gives bytes: it is made as it is read, like the files in /proc, and cannot be mapped.</source>
        <translation>%1 gibt an, leer zu sein (Größe 0), liefert beim Lesen aber Bytes: Sie entsteht erst beim Lesen, wie die Dateien in /proc, und kann nicht abgebildet werden.</translation>
    </message>
    <message>
        <source>%1 is not writable (%2): it is open read-only.</source>
        <translation>%1 ist nicht beschreibbar (%2): Sie ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Cannot map %1: %2</source>
        <translation>%1 kann nicht abgebildet werden: %2</translation>
    </message>
    <message>
        <source>Cannot make a scratch buffer of %1 bytes: %2</source>
        <translation>Ein Notizpuffer von %1 Bytes kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 gave no bytes to read.</source>
        <translation>%1 lieferte keine Bytes zum Lesen.</translation>
    </message>
    <message>
        <source>Read %1 of %2 into a scratch buffer; Save As writes it out.</source>
        <translation>%1 von %2 in einen Notizpuffer gelesen; „Speichern unter“ schreibt ihn hinaus.</translation>
    </message>
    <message>
        <source>byte</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Scratch buffer</source>
        <translation>Notizpuffer</translation>
    </message>
    <message>
        <source>Edit in place</source>
        <translation>Direkt bearbeiten</translation>
    </message>
    <message>
        <source>Copy-on-write</source>
        <translation>Copy-on-write</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>The file is open read-only: edits are refused.</source>
        <translation>Die Datei ist schreibgeschützt geöffnet: Änderungen werden abgelehnt.</translation>
    </message>
    <message>
        <source>Cannot resize the %1 map: %2</source>
        <translation>Die %1-Abbildung kann ihre Größe nicht ändern: %2</translation>
    </message>
    <message>
        <source>Cannot resize the map: %1</source>
        <translation>Die Größe der Abbildung kann nicht geändert werden: %1</translation>
    </message>
    <message>
        <source> Save As writes a copy that can; open it in place.</source>
        <translation> „Speichern unter“ schreibt eine Kopie, die es kann; öffnen Sie diese zum direkten Bearbeiten.</translation>
    </message>
    <message>
        <source>Cannot insert or delete bytes, which change the file&apos;s length: %1%2</source>
        <translation>Bytes können nicht eingefügt oder gelöscht werden, da dies die Länge der Datei ändert: %1%2</translation>
    </message>
    <message>
        <source>Cannot insert or delete bytes: %1</source>
        <translation>Bytes können nicht eingefügt oder gelöscht werden: %1</translation>
    </message>
    <message>
        <source> Use File ▸ Save.</source>
        <translation> Verwenden Sie Datei ▸ Speichern.</translation>
    </message>
    <message>
        <source> Use File ▸ Save As to write it out.</source>
        <translation> Verwenden Sie Datei ▸ Speichern unter, um ihn hinauszuschreiben.</translation>
    </message>
    <message>
        <source>Nothing to flush: %1%2</source>
        <translation>Nichts zu schreiben: %1%2</translation>
    </message>
    <message>
        <source>%1 Flushing would write into the old copy, which no other program sees: nothing was flushed. Use Save As to keep your version.</source>
        <translation>%1 Schreiben ginge in die alte Kopie, die kein anderes Programm sieht: Es wurde nichts geschrieben. Verwenden Sie „Speichern unter“, um Ihre Fassung zu behalten.</translation>
    </message>
    <message>
        <source>Only a copy-on-write document is saved; edit in place flushes instead.</source>
        <translation>Nur ein Copy-on-write-Dokument wird gespeichert; beim direkten Bearbeiten wird stattdessen auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>%1 Nothing was saved: the modified bytes belong to the old file. Use Save As to keep your version.</source>
        <translation>%1 Es wurde nichts gespeichert: Die geänderten Bytes gehören zur alten Datei. Verwenden Sie „Speichern unter“, um Ihre Fassung zu behalten.</translation>
    </message>
    <message>
        <source>Cannot map the file again: %1</source>
        <translation>Die Datei kann nicht erneut abgebildet werden: %1</translation>
    </message>
    <message>
        <source>Save or discard the copy-on-write edits first: they live only in the current map.</source>
        <translation>Speichern oder verwerfen Sie zuerst die Copy-on-write-Änderungen: Sie existieren nur in der aktuellen Abbildung.</translation>
    </message>
    <message>
        <source>%1 is no longer the file this tab mapped: another program replaced it.</source>
        <translation>%1 ist nicht mehr die Datei, die dieser Tab abgebildet hat: Ein anderes Programm hat sie ersetzt.</translation>
    </message>
    <message>
        <source>%1 was deleted by another program.</source>
        <translation>%1 wurde von einem anderen Programm gelöscht.</translation>
    </message>
    <message>
        <source>from offset %1 to %2 (%3)</source>
        <translation>von Position %1 bis %2 (%3)</translation>
    </message>
    <message>
        <source>modified byte</source>
        <translation>geändertes Byte</translation>
    </message>
    <message>
        <source>modified bytes</source>
        <translation>geänderte Bytes</translation>
    </message>
    <message>
        <source>%1 needs root and damages the RAM behind the pages: hexmap does not apply it.</source>
        <translation>%1 braucht Root-Rechte und beschädigt den Arbeitsspeicher hinter den Seiten: hexmap wendet es nicht an.</translation>
    </message>
    <message>
        <source>%1 frees the file&apos;s bytes %2: they become zeros, on disk too.%3 This cannot be undone.</source>
        <translation>%1 gibt die Bytes %2 der Datei frei: Sie werden zu Nullen, auch auf der Festplatte.%3 Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source> The %1 there that were not flushed are lost with them.</source>
        <translation> Die %1 dort, die nicht geschrieben wurden, gehen mit ihnen verloren.</translation>
    </message>
    <message>
        <source>%1 turns the scratch buffer&apos;s bytes %2 into zeros: the %3 written there are lost. This cannot be undone.</source>
        <translation>%1 macht die Bytes %2 des Notizpuffers zu Nullen: Die dort geschriebenen %3 gehen verloren. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>%1 drops the %2 not yet saved %3: they read back as the file&apos;s bytes. This cannot be undone; Save first to keep them.</source>
        <translation>%1 verwirft die %2 noch nicht gespeicherten %3: Sie lesen sich wieder als die Bytes der Datei. Dies lässt sich nicht rückgängig machen; speichern Sie zuerst, um sie zu behalten.</translation>
    </message>
    <message>
        <source>This advice</source>
        <translation>Dieser Hinweis</translation>
    </message>
    <message>
        <source>The map is empty: there is nothing to advise.</source>
        <translation>Die Abbildung ist leer: Es gibt nichts zu beraten.</translation>
    </message>
    <message>
        <source>madvise failed: %1</source>
        <translation>madvise fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the file now ends at offset %1 of the map (another program truncated it)</source>
        <translation>die Datei endet jetzt bei Position %1 der Abbildung (ein anderes Programm hat sie gekürzt)</translation>
    </message>
    <message>
        <source>%1 at offset %2 do not fit in the map (%3 bytes).</source>
        <translation>%1 bei Position %2 passen nicht in die Abbildung (%3 Bytes).</translation>
    </message>
    <message>
        <source>Cannot write at offset %1: %2. Nothing was changed.</source>
        <translation>An Position %1 kann nicht geschrieben werden: %2. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 failed; nothing was changed: %2</source>
        <translation>%1 fehlgeschlagen; es wurde nichts geändert: %2</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Cannot write %1 at offset %2: %3. Nothing was changed.</source>
        <translation>%1 kann nicht an Position %2 geschrieben werden: %3. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>the file goes on for %1 past the map&apos;s end (another program appended them, or the map is a window): a resize would cut the file there. Map the whole file first.</source>
        <translation>die Datei geht %1 über das Ende der Abbildung hinaus (ein anderes Programm hat sie angehängt, oder die Abbildung ist ein Fenster): Eine Größenänderung würde die Datei dort abschneiden. Bilden Sie zuerst die ganze Datei ab.</translation>
    </message>
    <message>
        <source>The byte at offset %1 can no longer be read (%2): it cannot be kept for undo, so nothing was cut.</source>
        <translation>Das Byte an Position %1 kann nicht mehr gelesen werden (%2): Es kann nicht für „Rückgängig“ aufbewahrt werden, daher wurde nichts abgeschnitten.</translation>
    </message>
    <message>
        <source>Cannot resize to %1 bytes: %2</source>
        <translation>Die Größe kann nicht auf %1 Bytes geändert werden: %2</translation>
    </message>
    <message>
        <source>the map is %1 bytes now, not the %2 this step left (it was mapped again since): this step no longer applies.</source>
        <translation>die Abbildung hat jetzt %1 Bytes, nicht die %2, die dieser Schritt hinterließ (sie wurde seither neu abgebildet): Dieser Schritt gilt nicht mehr.</translation>
    </message>
    <message>
        <source>Flush failed; the edits are not marked as saved: %1</source>
        <translation>Schreiben fehlgeschlagen; die Änderungen sind nicht als gespeichert markiert: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Use Save As.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Verwenden Sie „Speichern unter“.</translation>
    </message>
    <message>
        <source>%1 is no longer the file this tab mapped: nothing was saved. Use Save As to keep your version.</source>
        <translation>%1 ist nicht mehr die Datei, die dieser Tab abgebildet hat: Es wurde nichts gespeichert. Verwenden Sie „Speichern unter“, um Ihre Fassung zu behalten.</translation>
    </message>
    <message>
        <source>The file now ends at offset %1 of the map (another program truncated it): modified bytes lie past that end. Nothing was saved; use Save As to keep your version.</source>
        <translation>Die Datei endet jetzt bei Position %1 der Abbildung (ein anderes Programm hat sie gekürzt): Geänderte Bytes liegen hinter diesem Ende. Es wurde nichts gespeichert; verwenden Sie „Speichern unter“, um Ihre Fassung zu behalten.</translation>
    </message>
    <message>
        <source>The byte at offset %1 can no longer be read (%2): nothing more was saved.</source>
        <translation>Das Byte an Position %1 kann nicht mehr gelesen werden (%2): Es wurde nichts weiter gespeichert.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2.</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>%1 was canceled: %2 was not written.</source>
        <translation>%1 wurde abgebrochen: %2 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>The map now ends at offset %1, before the end of what was asked: %2 was not written.</source>
        <translation>Die Abbildung endet jetzt bei Position %1, vor dem Ende des Verlangten: %2 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>The byte at offset %1 can no longer be read (%2): %3 was not written.</source>
        <translation>Das Byte an Position %1 kann nicht mehr gelesen werden (%2): %3 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Nothing was written.</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot replace %1 at offset %2: the map holds %3.</source>
        <translation>%1 an Position %2 kann nicht ersetzt werden: Die Abbildung enthält %3.</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The byte at offset %1 can no longer be read (%2): it cannot be kept for undo, so nothing was changed.</source>
        <translation>Das Byte an Position %1 kann nicht mehr gelesen werden (%2): Es kann nicht für „Rückgängig“ aufbewahrt werden, daher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot insert or delete bytes: the file now ends at offset %1 of the map (another program truncated it). Nothing was changed.</source>
        <translation>Bytes können nicht eingefügt oder gelöscht werden: Die Datei endet jetzt bei Position %1 der Abbildung (ein anderes Programm hat sie gekürzt). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot move the bytes at offset %1: %2</source>
        <translation>Die Bytes an Position %1 können nicht verschoben werden: %2</translation>
    </message>
    <message>
        <source>%1 Putting the bytes back failed too (%2): from offset %3 on, the map may hold a mix of the old and the new bytes.</source>
        <translation>%1 Auch das Zurückschreiben der Bytes schlug fehl (%2): Ab Position %3 kann die Abbildung eine Mischung aus alten und neuen Bytes enthalten.</translation>
    </message>
    <message>
        <source>%1 The bytes were put back, except those that were to be removed.</source>
        <translation>%1 Die Bytes wurden zurückgeschrieben, außer denen, die entfernt werden sollten.</translation>
    </message>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation>%1 Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot move %1 at offset %2: %3.</source>
        <translation>%1 an Position %2 können nicht verschoben werden: %3.</translation>
    </message>
</context>
<context>
    <name>hexmap::DocumentTab</name>
    <message>
        <source>Map the whole file</source>
        <translation>Die ganze Datei abbilden</translation>
    </message>
    <message>
        <source>Keep My Version (Save As…)</source>
        <translation>Meine Fassung behalten (Speichern unter…)</translation>
    </message>
    <message>
        <source>Load the File Now at the Path</source>
        <translation>Die Datei am Pfad jetzt laden</translation>
    </message>
    <message>
        <source>Keep Editing the Old Copy</source>
        <translation>Die alte Kopie weiter bearbeiten</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Another program replaced %1 with a different file. This tab still shows the old one, and its edits go there.</source>
        <translation>Ein anderes Programm hat %1 durch eine andere Datei ersetzt. Dieser Tab zeigt noch die alte, und seine Änderungen gehen dorthin.</translation>
    </message>
    <message>
        <source>Another program deleted %1. This tab still shows the old file, and its edits go there.</source>
        <translation>Ein anderes Programm hat %1 gelöscht. Dieser Tab zeigt noch die alte Datei, und seine Änderungen gehen dorthin.</translation>
    </message>
    <message>
        <source>Another program made this file larger (%1 → %2 bytes). The map still covers the old size.</source>
        <translation>Ein anderes Programm hat diese Datei vergrößert (%1 → %2 Bytes). Die Abbildung deckt noch die alte Größe ab.</translation>
    </message>
    <message>
        <source>Another program truncated this file (%1 → %2 bytes). The bytes past its new end are gone: they show as ·· and cannot be edited.</source>
        <translation>Ein anderes Programm hat diese Datei gekürzt (%1 → %2 Bytes). Die Bytes hinter ihrem neuen Ende sind fort: Sie erscheinen als ·· und lassen sich nicht bearbeiten.</translation>
    </message>
</context>
<context>
    <name>hexmap::Editor</name>
    <message>
        <source>The byte at offset %1 can no longer be read: %2.</source>
        <translation>Das Byte an Position %1 kann nicht mehr gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Cannot type that: %1.</source>
        <translation>Das lässt sich nicht eingeben: %1.</translation>
    </message>
    <message>
        <source>The cursor is past the last byte: there is nothing to overwrite there.</source>
        <translation>Der Cursor steht hinter dem letzten Byte: Dort gibt es nichts zu überschreiben.</translation>
    </message>
    <message>
        <source>The selection (%1 bytes) is too large to copy; the limit is %2 MiB. Export Selection writes any size to a file.</source>
        <translation>Die Auswahl (%1 Bytes) ist zu groß zum Kopieren; die Grenze liegt bei %2 MiB. „Auswahl exportieren“ schreibt jede Größe in eine Datei.</translation>
    </message>
    <message>
        <source>The byte at offset %1 of the selection can no longer be read: %2.</source>
        <translation>Das Byte an Position %1 der Auswahl kann nicht mehr gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The clipboard does not hold hex bytes: %1.</source>
        <translation>Die Zwischenablage enthält keine Hex-Bytes: %1.</translation>
    </message>
    <message>
        <source>The clipboard text cannot be pasted in the text pane: %1. Paste it in the hex pane as hex.</source>
        <translation>Der Text der Zwischenablage kann nicht in den Textbereich eingefügt werden: %1. Fügen Sie ihn im Hex-Bereich als Hex ein.</translation>
    </message>
</context>
<context>
    <name>hexmap::EmptyHint</name>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;No file is open.&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;open&apos;&gt;Open a file&lt;/a&gt; (%1), or drop one here.&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;scratch&apos;&gt;Make a scratch buffer&lt;/a&gt; (%2): memory to write in, saved to a file when you choose.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Keine Datei geöffnet.&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;open&apos;&gt;Eine Datei öffnen&lt;/a&gt; (%1) oder hier eine ablegen.&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;scratch&apos;&gt;Einen Notizpuffer anlegen&lt;/a&gt; (%2): Speicher zum Beschreiben, der in eine Datei gespeichert wird, wenn Sie es wünschen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>hexmap::EntropyStrip</name>
    <message>
        <source>0x%1: bytes gone</source>
        <translation>0x%1: Bytes fort</translation>
    </message>
    <message>
        <source>0x%1: entropy %2 bits per byte</source>
        <translation>0x%1: Entropie %2 Bit pro Byte</translation>
    </message>
</context>
<context>
    <name>hexmap::FindDialog</name>
    <message>
        <source>Find and Replace</source>
        <translation>Suchen und Ersetzen</translation>
    </message>
    <message>
        <source>e.g. 7F 45 4C 46, or 7F ?? 4C</source>
        <translation>z. B. 7F 45 4C 46 oder 7F ?? 4C</translation>
    </message>
    <message>
        <source>&amp;Hex bytes</source>
        <translation>&amp;Hex-Bytes</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Wert</translation>
    </message>
    <message>
        <source>Re&amp;gular expression</source>
        <translation>Re&amp;gulärer Ausdruck</translation>
    </message>
    <message>
        <source>Ignore ASCII &amp;case</source>
        <translation>ASCII-Groß-/Kleinschreibung &amp;ignorieren</translation>
    </message>
    <message>
        <source>%1-bit integer</source>
        <translation>%1-Bit-Ganzzahl</translation>
    </message>
    <message>
        <source>little-endian</source>
        <translation>Little-Endian</translation>
    </message>
    <message>
        <source>big-endian</source>
        <translation>Big-Endian</translation>
    </message>
    <message>
        <source>same kind and length as the pattern</source>
        <translation>gleiche Art und Länge wie das Muster</translation>
    </message>
    <message>
        <source>&amp;Forward (find)</source>
        <translation>&amp;Vorwärts (find)</translation>
    </message>
    <message>
        <source>&amp;Backward (rfind)</source>
        <translation>&amp;Rückwärts (rfind)</translation>
    </message>
    <message>
        <source>forward: the cursor</source>
        <translation>vorwärts: der Cursor</translation>
    </message>
    <message>
        <source>forward: the end</source>
        <translation>vorwärts: das Ende</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Wrap around</source>
        <translation>Am Ende &amp;umbrechen</translation>
    </message>
    <message>
        <source>Over bytes, not text: \x00, [\x80-\xff], . is any byte. A match is at most %1 bytes, so * and + are refused: bound them, e.g. {0,100}. Replacements are hex bytes; one of another length inserts or deletes where the map can change length.</source>
        <translation>Über Bytes, nicht Text: \x00, [\x80-\xff], . ist ein beliebiges Byte. Ein Treffer ist höchstens %1 Bytes lang, daher werden * und + abgelehnt: Begrenzen Sie sie, z. B. {0,100}. Ersetzungen sind Hex-Bytes; eine mit anderer Länge fügt ein oder löscht, wo die Abbildung ihre Länge ändern kann.</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>Als:</translation>
    </message>
    <message>
        <source>Re&amp;place with:</source>
        <translation>Ersetzen &amp;durch:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Richtung:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>Offsets as Python&apos;s find/rfind take them: negative counts from the end. Find All searches from the start when From is empty.</source>
        <translation>Positionen, wie Pythons find/rfind sie nehmen: Negative zählen vom Ende. „Alle suchen“ sucht ab dem Anfang, wenn „Von“ leer ist.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächster Treffer</translation>
    </message>
    <message>
        <source>Find Previo&amp;us</source>
        <translation>V&amp;origer Treffer</translation>
    </message>
    <message>
        <source>Find &amp;All</source>
        <translation>&amp;Alle finden</translation>
    </message>
    <message>
        <source>R&amp;eplace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Replace A&amp;ll</source>
        <translation>A&amp;lle ersetzen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Bytes around the match</source>
        <translation>Bytes um den Treffer</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>e.g. PK\x03\x04.{26}</source>
        <translation>z. B. PK\x03\x04.{26}</translation>
    </message>
    <message>
        <source>backward: the start</source>
        <translation>rückwärts: der Anfang</translation>
    </message>
    <message>
        <source>backward: the cursor</source>
        <translation>rückwärts: der Cursor</translation>
    </message>
    <message>
        <source>Open a file to search it.</source>
        <translation>Öffnen Sie eine Datei, um sie zu durchsuchen.</translation>
    </message>
    <message>
        <source>the replacement has %1 bytes, the pattern %2: they must be equal</source>
        <translation>die Ersetzung hat %1 Bytes, das Muster %2: Sie müssen gleich sein</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>%1, the first %2 listed</source>
        <translation>%1, die ersten %2 aufgelistet</translation>
    </message>
    <message>
        <source>match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>Treffer</translation>
    </message>
</context>
<context>
    <name>hexmap::FlushDialog</name>
    <message>
        <source>&amp;Flush</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message>
        <source>Flush to Disk</source>
        <translation>Auf die Festplatte schreiben</translation>
    </message>
    <message>
        <source>&amp;Everything (the whole map)</source>
        <translation>&amp;Alles (die ganze Abbildung)</translation>
    </message>
    <message>
        <source>Only the &amp;modified ranges</source>
        <translation>Nur die &amp;geänderten Bereiche</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>Nothing was modified since the last flush.</source>
        <translation>Seit dem letzten Schreiben wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Modified since the last flush: %1, %2 bytes in %3 pages.
%4</source>
        <translation>Geändert seit dem letzten Schreiben: %1, %2 Bytes in %3 Seiten.
%4</translation>
    </message>
    <message>
        <source>range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>ranges</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>The &amp;selection (nothing is selected)</source>
        <translation>Die Aus&amp;wahl (nichts ist ausgewählt)</translation>
    </message>
    <message>
        <source>The &amp;selection, widened to whole pages: %1–%2</source>
        <translation>Die Aus&amp;wahl, auf ganze Seiten erweitert: %1–%2</translation>
    </message>
    <message>
        <source>Flushing…</source>
        <translation>Schreibe…</translation>
    </message>
    <message>
        <source>Flushed %1 bytes to disk.</source>
        <translation>%1 Bytes auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Flush failed; what it did not reach stays marked as modified: %1</source>
        <translation>Schreiben fehlgeschlagen; was es nicht erreichte, bleibt als geändert markiert: %1</translation>
    </message>
</context>
<context>
    <name>hexmap::GoToDialog</name>
    <message>
        <source>Go to Offset</source>
        <translation>Gehe zu Position</translation>
    </message>
    <message>
        <source>0x1F00, 4K + 16, end - 0x10, +32, -8</source>
        <translation>0x1F00, 4K + 16, end - 0x10, +32, -8</translation>
    </message>
    <message>
        <source>&amp;Offset:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>→ %1 (%2)</source>
        <translation>→ %1 (%2)</translation>
    </message>
</context>
<context>
    <name>hexmap::HashDialog</name>
    <message>
        <source>Hashes and Checksums</source>
        <translation>Hashes und Prüfsummen</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>C&amp;ompute</source>
        <translation>&amp;Berechnen</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Berechne…</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot read the bytes: %1</source>
        <translation>Die Bytes können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 bytes hashed.</source>
        <translation>%1 Bytes gehasht.</translation>
    </message>
</context>
<context>
    <name>hexmap::HexView</name>
    <message>
        <source>next byte</source>
        <translation>nächsten Byte</translation>
    </message>
    <message>
        <source>previous byte</source>
        <translation>vorigen Byte</translation>
    </message>
    <message>
        <source>next line</source>
        <translation>nächsten Zeile</translation>
    </message>
    <message>
        <source>previous line</source>
        <translation>vorigen Zeile</translation>
    </message>
    <message>
        <source>next page</source>
        <translation>nächsten Seite</translation>
    </message>
    <message>
        <source>previous page</source>
        <translation>vorigen Seite</translation>
    </message>
    <message>
        <source>start of the line</source>
        <translation>Zeilenanfang</translation>
    </message>
    <message>
        <source>end of the line</source>
        <translation>Zeilenende</translation>
    </message>
    <message>
        <source>start of the map</source>
        <translation>Anfang der Abbildung</translation>
    </message>
    <message>
        <source>end of the map</source>
        <translation>Ende der Abbildung</translation>
    </message>
    <message>
        <source>Move to the %1</source>
        <translation>Zum %1 gehen</translation>
    </message>
    <message>
        <source>Select to the %1</source>
        <translation>Bis zum %1 auswählen</translation>
    </message>
    <message>
        <source>Switch between the hex and the text pane</source>
        <translation>Zwischen Hex- und Textbereich wechseln</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>%1 bytes, %2 per line</source>
        <translation>%1 Bytes, %2 pro Zeile</translation>
    </message>
</context>
<context>
    <name>hexmap::HistogramChart</name>
    <message>
        <source>0x%1 (%2): %3 times</source>
        <translation>0x%1 (%2): %3-mal</translation>
    </message>
</context>
<context>
    <name>hexmap::InsertBytesDialog</name>
    <message>
        <source>&amp;Repeat a pattern</source>
        <translation>&amp;Muster wiederholen</translation>
    </message>
    <message>
        <source>Insert the c&amp;lipboard&apos;s bytes</source>
        <translation>Bytes aus der &amp;Zwischenablage einfügen</translation>
    </message>
    <message>
        <source>Insert Bytes</source>
        <translation>Bytes einfügen</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>&amp;Anzahl:</translation>
    </message>
    <message>
        <source>&amp;Hex bytes:</source>
        <translation>&amp;Hex-Bytes:</translation>
    </message>
    <message>
        <source>The clipboard&apos;s bytes go in before the cursor, as a paste would write them.</source>
        <translation>Die Bytes der Zwischenablage kommen vor den Cursor, so wie Einfügen sie schreiben würde.</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
    <message>
        <source>Count: from 1 byte to %1 MiB (Map ▸ Resize grows the end by any size).</source>
        <translation>Anzahl: von 1 Byte bis %1 MiB (Abbildung ▸ Größe ändern vergrößert das Ende um jede Größe).</translation>
    </message>
    <message>
        <source>Hex bytes: %1</source>
        <translation>Hex-Bytes: %1</translation>
    </message>
    <message>
        <source>Hex bytes: give at least one byte, e.g. 00.</source>
        <translation>Hex-Bytes: Geben Sie mindestens ein Byte an, z. B. 00.</translation>
    </message>
    <message>
        <source>%1 go in before the cursor; the bytes after it move up.</source>
        <translation>%1 kommen vor den Cursor; die Bytes dahinter rücken auf.</translation>
    </message>
    <message>
        <source>byte</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>hexmap::JobRunner</name>
    <message>
        <source>The job failed with an exception that says nothing.</source>
        <translation>Der Auftrag schlug mit einer Ausnahme fehl, die nichts besagt.</translation>
    </message>
</context>
<context>
    <name>hexmap::MainWindow</name>
    <message>
        <source>Te&amp;xt Encoding</source>
        <translation>Te&amp;xtkodierung</translation>
    </message>
    <message>
        <source>Boo&amp;kmarks</source>
        <translation>Lesezeic&amp;hen</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Toggle Bookmark</source>
        <translation>Lesezeichen &amp;umschalten</translation>
    </message>
    <message>
        <source>&amp;Next Bookmark</source>
        <translation>&amp;Nächstes Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Previous Bookmark</source>
        <translation>&amp;Vorheriges Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Import Bookmarks…</source>
        <translation>Lesezeichen &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export Bookmarks…</source>
        <translation>Lesezeichen &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Scratch Buffer…</source>
        <translation>Neuer &amp;Notizpuffer…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open with O&amp;ptions…</source>
        <translation>Mit &amp;Optionen öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>Auswahl &amp;exportieren…</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Cop&amp;y As</source>
        <translation>Kopieren &amp;als</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles &amp;markieren</translation>
    </message>
    <message>
        <source>I&amp;nsert Mode</source>
        <translation>Ein&amp;fügemodus</translation>
    </message>
    <message>
        <source>&amp;Insert Bytes…</source>
        <translation>Bytes e&amp;infügen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Find and Replace…</source>
        <translation>&amp;Suchen und Ersetzen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;Go to Offset…</source>
        <translation>&amp;Gehe zu Position…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Bytes per Line</source>
        <translation>&amp;Bytes pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Fit to Width</source>
        <translation>An Breite an&amp;passen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Residency Map</source>
        <translation>&amp;Residenzkarte</translation>
    </message>
    <message>
        <source>&amp;Entropy Strip</source>
        <translation>&amp;Entropiestreifen</translation>
    </message>
    <message>
        <source>&amp;Value Inspector</source>
        <translation>&amp;Werteinspektor</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>Abbildu&amp;ng</translation>
    </message>
    <message>
        <source>&amp;Flush to Disk</source>
        <translation>Auf die Festplatte &amp;schreiben</translation>
    </message>
    <message>
        <source>Flush &amp;Ranges…</source>
        <translation>&amp;Bereiche schreiben…</translation>
    </message>
    <message>
        <source>Re&amp;size…</source>
        <translation>&amp;Größe ändern…</translation>
    </message>
    <message>
        <source>Memory &amp;Advice…</source>
        <translation>Speicher&amp;hinweis…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Hashes and Checksums…</source>
        <translation>&amp;Hashes und Prüfsummen…</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>&amp;Statistik…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About hexmap</source>
        <translation>Ü&amp;ber hexmap</translation>
    </message>
    <message>
        <source>About hexmap</source>
        <translation>Über hexmap</translation>
    </message>
    <message>
        <source>&lt;b&gt;hexmap %1&lt;/b&gt;&lt;p&gt;A hex viewer and editor built on memory mapping: the file is the map, and the map&apos;s own operations are what it offers.&lt;/p&gt;</source>
        <translation>&lt;b&gt;hexmap %1&lt;/b&gt;&lt;p&gt;Ein Hex-Betrachter und -Editor auf Basis von Speicherabbildungen: Die Datei ist die Abbildung, und die Operationen der Abbildung sind, was er bietet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Compare needs two open files.</source>
        <translation>Zum Vergleichen braucht es zwei geöffnete Dateien.</translation>
    </message>
    <message>
        <source>Open a File to Compare</source>
        <translation>Eine Datei zum Vergleichen öffnen</translation>
    </message>
    <message>
        <source>Read it into a scratch buffer instead?</source>
        <translation>Stattdessen in einen Notizpuffer lesen?</translation>
    </message>
    <message>
        <source>&amp;Read a Copy</source>
        <translation>&amp;Kopie lesen</translation>
    </message>
    <message>
        <source>Cannot go to “%1”: %2.</source>
        <translation>Gehe zu „%1“ nicht möglich: %2.</translation>
    </message>
    <message>
        <source>Could not revert to the last flush: %1 The tab stays open.</source>
        <translation>Zurücknehmen bis zum letzten Schreiben nicht möglich: %1 Der Tab bleibt offen.</translation>
    </message>
    <message>
        <source>Load the File Now at the Path</source>
        <translation>Die Datei am Pfad jetzt laden</translation>
    </message>
    <message>
        <source>Loading %1 as it is now drops your %2 not yet written to disk. This cannot be undone.</source>
        <translation>%1 so zu laden, wie sie jetzt ist, verwirft Ihre %2, die noch nicht auf die Festplatte geschrieben sind. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>modified byte</source>
        <translation>geändertes Byte</translation>
    </message>
    <message>
        <source>modified bytes</source>
        <translation>geänderten Bytes</translation>
    </message>
    <message>
        <source>&amp;Drop My Edits and Load</source>
        <translation>Meine Änderungen &amp;verwerfen und laden</translation>
    </message>
    <message>
        <source>Loaded %1 as it is now.</source>
        <translation>%1 wurde so geladen, wie sie jetzt ist.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>Open a file first.</source>
        <translation>Öffnen Sie zuerst eine Datei.</translation>
    </message>
    <message>
        <source>Open Files</source>
        <translation>Dateien öffnen</translation>
    </message>
    <message>
        <source>Saved the modified bytes into %1.</source>
        <translation>Die geänderten Bytes wurden in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Schreibe %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <source>Export Selection</source>
        <translation>Auswahl exportieren</translation>
    </message>
    <message>
        <source>Nothing is selected: select the bytes to export first.</source>
        <translation>Nichts ist ausgewählt: Wählen Sie zuerst die zu exportierenden Bytes aus.</translation>
    </message>
    <message>
        <source>%1 is open in hexmap: exporting onto it would replace the file under its tab. Choose another file.</source>
        <translation>%1 ist in hexmap geöffnet: Ein Export dorthin würde die Datei unter ihrem Tab ersetzen. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>Exported %1 bytes as %2 to %3.</source>
        <translation>%1 Bytes als %2 nach %3 exportiert.</translation>
    </message>
    <message>
        <source>Flushed %1 to disk.</source>
        <translation>%1 auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation>Lesezeichen importieren</translation>
    </message>
    <message>
        <source>Bookmarks (*.json);;All files (*)</source>
        <translation>Lesezeichen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>Lesezeichen exportieren</translation>
    </message>
    <message>
        <source>Exported the bookmarks to %1.</source>
        <translation>Die Lesezeichen wurden nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>hexmap::OpenOptionsDialog</name>
    <message>
        <source>Keep a descriptor (trackfd): needed for resize and for following the file</source>
        <translation>Einen Deskriptor behalten (trackfd): nötig für Größenänderungen und um der Datei zu folgen</translation>
    </message>
    <message>
        <source>Open with Options</source>
        <translation>Mit Optionen öffnen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Edit in place — edits reach the file at once; Flush makes them durable</source>
        <translation>Direkt bearbeiten – Änderungen erreichen die Datei sofort; „Schreiben“ macht sie dauerhaft</translation>
    </message>
    <message>
        <source>Copy-on-write — the file is untouched until Save</source>
        <translation>Copy-on-write – die Datei bleibt bis zum Speichern unverändert</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>&amp;Offset:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>0: to the end of the file</source>
        <translation>0: bis zum Ende der Datei</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Länge:</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Offset: %1.</source>
        <translation>Position: %1.</translation>
    </message>
    <message>
        <source>Offset: must be a multiple of %1 bytes.</source>
        <translation>Position: muss ein Vielfaches von %1 Bytes sein.</translation>
    </message>
    <message>
        <source>Aligned down: %1 (%2). Align uses it.</source>
        <translation>Abgerundet: %1 (%2). „Ausrichten“ übernimmt es.</translation>
    </message>
    <message>
        <source>= %1 bytes (%2)</source>
        <translation>= %1 Bytes (%2)</translation>
    </message>
    <message>
        <source>Length: %1.</source>
        <translation>Länge: %1.</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>Wählen Sie eine Datei.</translation>
    </message>
</context>
<context>
    <name>hexmap::RangeChoice</name>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>&amp;Selection: %1 bytes from 0x%2</source>
        <translation>&amp;Auswahl: %1 Bytes ab 0x%2</translation>
    </message>
    <message>
        <source>&amp;Selection (nothing is selected)</source>
        <translation>&amp;Auswahl (nichts ist ausgewählt)</translation>
    </message>
    <message>
        <source>&amp;Whole map: %1 bytes</source>
        <translation>&amp;Ganze Abbildung: %1 Bytes</translation>
    </message>
    <message>
        <source>Cannot read the bytes: the file now ends at offset %1 of the map (another program truncated it).</source>
        <translation>Die Bytes können nicht gelesen werden: Die Datei endet jetzt bei Position %1 der Abbildung (ein anderes Programm hat sie gekürzt).</translation>
    </message>
</context>
<context>
    <name>hexmap::ReplaceOutcome</name>
    <message>
        <source>the replacement must be as long as the pattern: %1</source>
        <translation>die Ersetzung muss so lang sein wie das Muster: %1</translation>
    </message>
    <message>
        <source>Replaced %1</source>
        <translation>%1 ersetzt</translation>
    </message>
    <message>
        <source>match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>; 1 no longer matched and was left as it was</source>
        <translation>; 1 passte nicht mehr und blieb, wie er war</translation>
    </message>
    <message>
        <source>; %1 no longer matched and were left as they were</source>
        <translation>; %1 passten nicht mehr und blieben, wie sie waren</translation>
    </message>
    <message>
        <source>; 1 overlapped a match replaced before it and was left as it was</source>
        <translation>; 1 überlappte einen zuvor ersetzten Treffer und blieb, wie er war</translation>
    </message>
    <message>
        <source>; %1 overlapped a match replaced before them and were left as they were</source>
        <translation>; %1 überlappten einen zuvor ersetzten Treffer und blieben, wie sie waren</translation>
    </message>
    <message>
        <source>; left %1 not as long as the replacement (a replacement of another length needs insert and delete, which this map cannot do)</source>
        <translation>; %1 nicht so lang wie die Ersetzung belassen (eine Ersetzung anderer Länge braucht Einfügen und Löschen, was diese Abbildung nicht kann)</translation>
    </message>
    <message>
        <source>; then an edit was refused: %1</source>
        <translation>; dann wurde eine Änderung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>hexmap::ResidencyStrip</name>
    <message>
        <source>%1 of %2 pages in RAM (mincore).</source>
        <translation>%1 von %2 Seiten im Arbeitsspeicher (mincore).</translation>
    </message>
    <message>
        <source>About %1 of %2 pages in RAM (mincore on a sample of %3 pages, spread evenly over each pixel row).</source>
        <translation>Etwa %1 von %2 Seiten im Arbeitsspeicher (mincore auf einer Stichprobe von %3 Seiten, gleichmäßig über jede Pixelzeile verteilt).</translation>
    </message>
    <message>
        <source>
Orange: modified since the last flush.</source>
        <translation>
Orange: seit dem letzten Schreiben geändert.</translation>
    </message>
</context>
<context>
    <name>hexmap::ResizeDialog</name>
    <message>
        <source>Resize Map</source>
        <translation>Größe der Abbildung ändern</translation>
    </message>
    <message>
        <source>Map length:</source>
        <translation>Länge der Abbildung:</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>Dateigröße:</translation>
    </message>
    <message>
        <source>no file (anonymous map)</source>
        <translation>keine Datei (anonyme Abbildung)</translation>
    </message>
    <message>
        <source>&amp;New size:</source>
        <translation>&amp;Neue Größe:</translation>
    </message>
    <message>
        <source>Cuts the last %1 bytes.</source>
        <translation>Schneidet die letzten %1 Bytes ab.</translation>
    </message>
    <message>
        <source>Adds %1 zero bytes.</source>
        <translation>Fügt %1 Null-Bytes hinzu.</translation>
    </message>
    <message>
        <source>Cut the last %1 bytes of the map and the file?</source>
        <translation>Die letzten %1 Bytes der Abbildung und der Datei abschneiden?</translation>
    </message>
    <message>
        <source>Undo can bring them back.</source>
        <translation>„Rückgängig“ kann sie zurückholen.</translation>
    </message>
    <message>
        <source>They are more than %1 MiB: undo cannot bring them back.</source>
        <translation>Es sind mehr als %1 MiB: „Rückgängig“ kann sie nicht zurückholen.</translation>
    </message>
    <message>
        <source>&amp;Cut</source>
        <translation>&amp;Abschneiden</translation>
    </message>
</context>
<context>
    <name>hexmap::ScratchDialog</name>
    <message>
        <source>New Scratch Buffer</source>
        <translation>Neuer Notizpuffer</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>%1 bytes of zeros in memory; Save As writes them to a file.</source>
        <translation>%1 Bytes mit Nullen im Speicher; „Speichern unter“ schreibt sie in eine Datei.</translation>
    </message>
    <message>
        <source>A buffer needs at least one byte.</source>
        <translation>Ein Puffer braucht mindestens ein Byte.</translation>
    </message>
</context>
<context>
    <name>hexmap::SearchSession</name>
    <message>
        <source>The match is %1 bytes long and the replacement %2, so it was not replaced (a replacement of another length needs insert and delete).</source>
        <translation>Der Treffer ist %1 Bytes lang und die Ersetzung %2, daher wurde er nicht ersetzt (eine Ersetzung anderer Länge braucht Einfügen und Löschen).</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Not replaced: %1</source>
        <translation>Nicht ersetzt: %1</translation>
    </message>
    <message>
        <source>The match there is not as long as the replacement, so it was not replaced (a replacement of another length needs insert and delete).</source>
        <translation>Der Treffer dort ist nicht so lang wie die Ersetzung, daher wurde er nicht ersetzt (eine Ersetzung anderer Länge braucht Einfügen und Löschen).</translation>
    </message>
    <message>
        <source>The selection does not match the pattern, so it was not replaced.</source>
        <translation>Die Auswahl passt nicht zum Muster, daher wurde sie nicht ersetzt.</translation>
    </message>
    <message>
        <source>The map is empty: there is nothing to search.</source>
        <translation>Die Abbildung ist leer: Es gibt nichts zu durchsuchen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Search canceled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <source>The search stopped: %1</source>
        <translation>Die Suche wurde abgebrochen: %1</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 were replaced.</source>
        <translation>Nur die ersten %1 von %2 wurden ersetzt.</translation>
    </message>
    <message>
        <source>Found %1; listed the first %2.</source>
        <translation>%1 gefunden; die ersten %2 sind aufgelistet.</translation>
    </message>
    <message>
        <source>match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <source>Found at %1 (%2)%3.</source>
        <translation>Gefunden bei %1 (%2)%3.</translation>
    </message>
    <message>
        <source>, after wrapping around</source>
        <translation>, nach Umbruch am Ende</translation>
    </message>
</context>
<context>
    <name>hexmap::ShortcutsDialog</name>
    <message>
        <source>Hex view</source>
        <translation>Hex-Ansicht</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>hexmap::StatisticsDialog</name>
    <message>
        <source>&amp;Logarithmic scale</source>
        <translation>&amp;Logarithmische Skala</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>C&amp;ompute</source>
        <translation>&amp;Berechnen</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zähle…</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot read the bytes: %1</source>
        <translation>Die Bytes können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 bytes · entropy %2 bits per byte · %3 distinct values · most common 0x%4 (%5 times) · zeros %6</source>
        <translation>%1 Bytes · Entropie %2 Bit pro Byte · %3 verschiedene Werte · am häufigsten 0x%4 (%5-mal) · Nullen %6</translation>
    </message>
</context>
<context>
    <name>hexmap::StatusFields</name>
    <message>
        <source>Offset %1</source>
        <translation>Position %1</translation>
    </message>
    <message>
        <source>Value —</source>
        <translation>Wert —</translation>
    </message>
    <message>
        <source>Value ·· (gone from the file)</source>
        <translation>Wert ·· (aus der Datei verschwunden)</translation>
    </message>
    <message>
        <source>Value 0x%1 (%2)%3</source>
        <translation>Wert 0x%1 (%2)%3</translation>
    </message>
    <message>
        <source>Selection %1, %2 bytes</source>
        <translation>Auswahl %1, %2 Bytes</translation>
    </message>
    <message>
        <source>Map %1 bytes, file %2 bytes</source>
        <translation>Abbildung %1 Bytes, Datei %2 Bytes</translation>
    </message>
    <message>
        <source>Map %1 bytes</source>
        <translation>Abbildung %1 Bytes</translation>
    </message>
    <message>
        <source>Scratch (anonymous map)</source>
        <translation>Notizpuffer (anonyme Abbildung)</translation>
    </message>
    <message>
        <source>INS</source>
        <translation>EINF</translation>
    </message>
    <message>
        <source>OVR</source>
        <translation>ÜBR</translation>
    </message>
    <message>
        <source>Insert mode: typing and paste insert bytes (Insert switches)</source>
        <translation>Einfügemodus: Eingabe und Einfügen fügen Bytes ein (Einfg schaltet um)</translation>
    </message>
    <message>
        <source>Overwrite mode: typing and paste overwrite bytes (Insert switches)</source>
        <translation>Überschreibmodus: Eingabe und Einfügen überschreiben Bytes (Einfg schaltet um)</translation>
    </message>
    <message>
        <source>Modified since flush</source>
        <translation>Seit dem Schreiben geändert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
</context>
<context>
    <name>hexmap::ValueInspector</name>
    <message>
        <source>no bytes</source>
        <translation>keine Bytes</translation>
    </message>
    <message>
        <source>the bytes are gone from the file: %1</source>
        <translation>die Bytes sind aus der Datei verschwunden: %1</translation>
    </message>
    <message>
        <source>no document</source>
        <translation>kein Dokument</translation>
    </message>
</context>
<context>
    <name>hexmap::ValueInspectorDock</name>
    <message>
        <source>Value Inspector</source>
        <translation>Werteinspektor</translation>
    </message>
    <message>
        <source>&amp;Big endian</source>
        <translation>&amp;Big-Endian</translation>
    </message>
    <message>
        <source>&amp;Little endian</source>
        <translation>&amp;Little-Endian</translation>
    </message>
    <message>
        <source>%1 not written: %2</source>
        <translation>%1 nicht geschrieben: %2</translation>
    </message>
</context>
<context>
    <name>hexmap::bookmarkstore</name>
    <message>
        <source>“%1” must be a whole number from %2 to 2^53</source>
        <translation>„%1“ muss eine ganze Zahl von %2 bis 2^53 sein</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>not JSON: %1 at character %2</source>
        <translation>kein JSON: %1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>not hexmap bookmarks (no “format”: “%1” with a “bookmarks” list)</source>
        <translation>keine hexmap-Lesezeichen (kein „format“: „%1“ mit einer „bookmarks“-Liste)</translation>
    </message>
    <message>
        <source>bookmarks of version %1; this hexmap reads version %2</source>
        <translation>Lesezeichen der Version %1; dieses hexmap liest Version %2</translation>
    </message>
    <message>
        <source>bookmark %1: %2</source>
        <translation>Lesezeichen %1: %2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>“name” must be text</source>
        <translation>„name“ muss Text sein</translation>
    </message>
    <message>
        <source>“color” must be a colour such as “#1e88e5”</source>
        <translation>„color“ muss eine Farbe wie „#1e88e5“ sein</translation>
    </message>
    <message>
        <source>Bookmarks kept for another file once at %1 were not applied: it is not the same file now. They are in %2; Bookmarks ▸ Import brings them in.</source>
        <translation>Lesezeichen, die für eine andere Datei einst unter %1 aufbewahrt wurden, wurden nicht angewendet: Es ist jetzt nicht dieselbe Datei. Sie liegen in %2; Lesezeichen ▸ Importieren holt sie herein.</translation>
    </message>
    <message>
        <source>The bookmarks kept for %1 could not be read (%2); the file is kept as %3.</source>
        <translation>Die für %1 aufbewahrten Lesezeichen konnten nicht gelesen werden (%2); die Datei wird als %3 aufbewahrt.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was not imported: %2.</source>
        <translation>%1 wurde nicht importiert: %2.</translation>
    </message>
    <message>
        <source>Imported %1 from %2 (%3 already there); %4 out of range, kept.</source>
        <translation>%1 aus %2 importiert (%3 schon vorhanden); %4 außerhalb des Bereichs, behalten.</translation>
    </message>
    <message>
        <source>bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
</context>
<context>
    <name>hexmap::input</name>
    <message>
        <source>&apos;%1&apos; at position %2 is not a hex digit</source>
        <translation>„%1“ an Stelle %2 ist keine Hex-Ziffer</translation>
    </message>
    <message>
        <source>odd number of hex digits: each byte takes two</source>
        <translation>ungerade Anzahl Hex-Ziffern: Jedes Byte braucht zwei</translation>
    </message>
    <message>
        <source>enter the bytes to find</source>
        <translation>geben Sie die zu suchenden Bytes ein</translation>
    </message>
    <message>
        <source>enter the text to find</source>
        <translation>geben Sie den zu suchenden Text ein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot match both cases in %2</source>
        <translation>„%1“ kann in %2 nicht beide Schreibweisen treffen</translation>
    </message>
    <message>
        <source>enter the regular expression to find</source>
        <translation>geben Sie den zu suchenden regulären Ausdruck ein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a byte: write bytes as \xHH</source>
        <translation>„%1“ ist kein Byte: Schreiben Sie Bytes als \xHH</translation>
    </message>
    <message>
        <source>regular expression: %1</source>
        <translation>regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>%1 does not fit in %2 bits</source>
        <translation>%1 passt nicht in %2 Bit</translation>
    </message>
    <message>
        <source>the value is too large</source>
        <translation>der Wert ist zu groß</translation>
    </message>
    <message>
        <source>a number is missing at the end</source>
        <translation>am Ende fehlt eine Zahl</translation>
    </message>
    <message>
        <source>expected a number at position %1, found &apos;%2&apos;</source>
        <translation>Zahl an Stelle %1 erwartet, „%2“ gefunden</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; at position %2</source>
        <translation>unerwartetes „%1“ an Stelle %2</translation>
    </message>
    <message>
        <source>enter a size</source>
        <translation>geben Sie eine Größe ein</translation>
    </message>
    <message>
        <source>enter an offset</source>
        <translation>geben Sie eine Position ein</translation>
    </message>
    <message>
        <source>+N needs a cursor to count from</source>
        <translation>+N braucht einen Cursor, von dem aus gezählt wird</translation>
    </message>
    <message>
        <source>there are no bytes to go to</source>
        <translation>es gibt keine Bytes, zu denen man gehen kann</translation>
    </message>
    <message>
        <source>%1 is outside the data (0 to %2)</source>
        <translation>%1 liegt außerhalb der Daten (0 bis %2)</translation>
    </message>
</context>
<context>
    <name>hexmap::qtoptions</name>
    <message>
        <source>%1: no such platform plugin (there are: %2)</source>
        <translation>%1: kein solches Plattform-Plugin (vorhanden sind: %2)</translation>
    </message>
    <message>
        <source>expected WIDTHxHEIGHT+X+Y, like 800x600+50+50</source>
        <translation>BREITExHÖHE+X+Y erwartet, etwa 800x600+50+50</translation>
    </message>
    <message>
        <source>no such style (there are: %1)</source>
        <translation>kein solcher Stil (vorhanden sind: %1)</translation>
    </message>
    <message>
        <source>not a readable file</source>
        <translation>keine lesbare Datei</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message>
        <source>%1 is not set</source>
        <translation>%1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>%1 are not set</source>
        <translation>%1 sind nicht gesetzt</translation>
    </message>
    <message>
        <source>no display (%1); %2</source>
        <translation>keine Anzeige (%1); %2</translation>
    </message>
    <message>
        <source>run hexmap in an X11 or Wayland session, or headless with: xvfb-run hexmap FILE…</source>
        <translation>starten Sie hexmap in einer X11- oder Wayland-Sitzung oder ohne Anzeige mit: xvfb-run hexmap DATEI…</translation>
    </message>
</context>
<context>
    <name>hexmap::values</name>
    <message>
        <source>needs %1 bytes, %2 left</source>
        <translation>braucht %1 Bytes, %2 übrig</translation>
    </message>
    <message>
        <source>%1 is not a hex number of %2 bits</source>
        <translation>%1 ist keine Hex-Zahl mit %2 Bit</translation>
    </message>
    <message>
        <source>%1 is outside %2 to %3</source>
        <translation>%1 liegt außerhalb von %2 bis %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is outside 0 to %2</source>
        <translation>%1 liegt außerhalb von 0 bis %2</translation>
    </message>
    <message>
        <source>%1 is not the bits of a NaN</source>
        <translation>%1 sind nicht die Bits eines NaN</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 is too large for this type</source>
        <translation>%1 ist zu groß für diesen Typ</translation>
    </message>
    <message>
        <source>type one character, or its code point as U+XXXX</source>
        <translation>geben Sie ein Zeichen ein oder seinen Codepunkt als U+XXXX</translation>
    </message>
    <message>
        <source>U+%1 takes two UTF-16 units</source>
        <translation>U+%1 braucht zwei UTF-16-Einheiten</translation>
    </message>
    <message>
        <source>U+%1 is not a Unicode code point</source>
        <translation>U+%1 ist kein Unicode-Codepunkt</translation>
    </message>
    <message>
        <source>not the start of a UTF-8 character</source>
        <translation>kein Anfang eines UTF-8-Zeichens</translation>
    </message>
    <message>
        <source>not a UTF-8 character: byte %1 does not continue it</source>
        <translation>kein UTF-8-Zeichen: Byte %1 setzt es nicht fort</translation>
    </message>
    <message>
        <source>not a UTF-8 character (overlong, surrogate or past U+10FFFF)</source>
        <translation>kein UTF-8-Zeichen (überlang, Surrogat oder jenseits von U+10FFFF)</translation>
    </message>
    <message>
        <source>type a date and time as YYYY-MM-DD hh:mm:ss</source>
        <translation>geben Sie Datum und Uhrzeit als JJJJ-MM-TT hh:mm:ss ein</translation>
    </message>
    <message>
        <source>%1 is not a date and time</source>
        <translation>%1 ist kein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>FILETIME counts 100 ns: at most 7 digits after the point</source>
        <translation>FILETIME zählt 100 ns: höchstens 7 Nachkommastellen</translation>
    </message>
    <message>
        <source>FILETIME holds 1601-01-01 to 30828-09-14</source>
        <translation>FILETIME fasst 1601-01-01 bis 30828-09-14</translation>
    </message>
    <message>
        <source>time_t counts whole seconds</source>
        <translation>time_t zählt ganze Sekunden</translation>
    </message>
    <message>
        <source>does not fit in %1 bits (%2 to %3)</source>
        <translation>passt nicht in %1 Bit (%2 bis %3)</translation>
    </message>
    <message>
        <source>a DOS date/time holds 1980 to 2107, in steps of 2 seconds</source>
        <translation>ein DOS-Datum fasst 1980 bis 2107, in Schritten von 2 Sekunden</translation>
    </message>
    <message>
        <source>type a GUID as {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}</source>
        <translation>geben Sie eine GUID als {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX} ein</translation>
    </message>
    <message>
        <source>needs more than the %1 bytes left (no last byte)</source>
        <translation>braucht mehr als die %1 übrigen Bytes (kein letztes Byte)</translation>
    </message>
    <message>
        <source>does not fit in 64 bits</source>
        <translation>passt nicht in 64 Bit</translation>
    </message>
    <message>
        <source>longer than %1 bytes: more than 64 bits</source>
        <translation>länger als %1 Bytes: mehr als 64 Bit</translation>
    </message>
    <message>
        <source>type up to 8 binary digits</source>
        <translation>geben Sie bis zu 8 Binärziffern ein</translation>
    </message>
    <message>
        <source>type an octal byte, 0 to 377</source>
        <translation>geben Sie ein oktales Byte ein, 0 bis 377</translation>
    </message>
    <message>
        <source>type one Latin-1 character, or \xHH</source>
        <translation>geben Sie ein Latin-1-Zeichen oder \xHH ein</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>octal</source>
        <translation>oktal</translation>
    </message>
    <message>
        <source>Latin-1</source>
        <translation>Latin-1</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-16 unit</source>
        <translation>UTF-16-Einheit</translation>
    </message>
    <message>
        <source>DOS date/time</source>
        <translation>DOS-Datum/-Uhrzeit</translation>
    </message>
    <message>
        <source>a surrogate has no UTF-8 form</source>
        <translation>ein Surrogat hat keine UTF-8-Form</translation>
    </message>
</context>
</TS>
