/*
 * Shared by locker-settings.get.js and locker-settings.post.js.
 * The page edits the very nodes the locker service reads (its engine root is Data Dictionary/Locker):
 *   settings/discussions  aspect lk:discussionSettings  (lk:enabled, lk:guardianMessagingEnabled,
 *                         lk:windowEnforced, lk:windowStart, lk:windowEnd, lk:zone, lk:disabledProfiles,
 *                         lk:initiationBlocked)
 *   settings/lockers      aspect lk:lockerSettings      (lk:guardianDocumentExchange, lk:macroEnabledDocuments, lk:documentTypes)
 *   settings              aspect lk:settings            (lk:serviceUrl, for the link to the service's screens)
 * Nodes are found by their child names, which do not depend on the locale; missing ones are created.
 */
var LockerSettings = {
   PATH: "/app:company_home/app:dictionary/cm:locker/cm:settings",
   PROFILES: ["teacher", "staff", "counselor", "guardian", "student", "administrator"],
   TIME: /^([01][0-9]|2[0-3]):[0-5][0-9]$/,

   folder: function folder()
   {
      var nodes = search.selectNodes(LockerSettings.PATH);
      return nodes.length > 0 ? nodes[0] : null;
   },

   child: function child(folder, name, aspect, create)
   {
      var node = folder.childByNamePath(name);
      if (node === null && create)
      {
         node = folder.createFolder(name);
      }
      if (node !== null && create && !node.hasAspect(aspect))
      {
         node.addAspect(aspect);
      }
      return node;
   },

   bool: function bool(value, fallback)
   {
      return value === null || value === undefined ? fallback : String(value) === "true";
   },

   contains: function contains(values, wanted)
   {
      for (var i = 0; values !== null && values !== undefined && i < values.length; i++)
      {
         if (String(values[i]) === wanted) return true;
      }
      return false;
   },

   read: function read(folder)
   {
      var discussions = LockerSettings.child(folder, "discussions", "lk:discussionSettings", false),
          lockers = LockerSettings.child(folder, "lockers", "lk:lockerSettings", false),
          d = discussions !== null ? discussions.properties : {},
          l = lockers !== null ? lockers.properties : {},
          profiles = [];
      for (var i = 0; i < LockerSettings.PROFILES.length; i++)
      {
         var id = LockerSettings.PROFILES[i];
         profiles.push({ id: id, enabled: !LockerSettings.contains(d["lk:disabledProfiles"], id) });
      }
      return {
         discussionsEnabled: LockerSettings.bool(d["lk:enabled"], true),
         guardianMessagingEnabled: LockerSettings.bool(d["lk:guardianMessagingEnabled"], false),
         dailyWindowStart: d["lk:windowStart"] || "07:00",
         dailyWindowEnd: d["lk:windowEnd"] || "20:00",
         profiles: profiles,
         guardianDocumentExchange: LockerSettings.bool(l["lk:guardianDocumentExchange"], false),
         macroEnabledDocuments: LockerSettings.bool(l["lk:macroEnabledDocuments"], false),
         serviceUrl: folder.properties["lk:serviceUrl"] || ""
      };
   }
};
