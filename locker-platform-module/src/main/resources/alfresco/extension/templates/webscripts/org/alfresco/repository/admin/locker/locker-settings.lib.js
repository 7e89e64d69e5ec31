/*
 * Shared by locker-settings.get.js and locker-settings.post.js.
 * The settings live as lk:settings properties on Data Dictionary/Locker/settings, created by the
 * module's bootstrap. The folder is found by its child names, which do not depend on the locale.
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

   bool: function bool(value, fallback)
   {
      return value === null || value === undefined ? fallback : String(value) === "true";
   },

   read: function read(node)
   {
      var p = node.properties,
          allowed = p["lk:discussionProfiles"] || [],
          profiles = [];
      for (var i = 0; i < LockerSettings.PROFILES.length; i++)
      {
         var id = LockerSettings.PROFILES[i], on = false;
         for (var j = 0; j < allowed.length; j++)
         {
            if (String(allowed[j]) === id) on = true;
         }
         profiles.push({ id: id, enabled: on });
      }
      return {
         discussionsEnabled: LockerSettings.bool(p["lk:discussionsEnabled"], true),
         guardianMessagingEnabled: LockerSettings.bool(p["lk:guardianMessagingEnabled"], true),
         dailyWindowStart: p["lk:dailyWindowStart"] || "07:00",
         dailyWindowEnd: p["lk:dailyWindowEnd"] || "20:00",
         profiles: profiles,
         guardianDocumentExchange: LockerSettings.bool(p["lk:guardianDocumentExchange"], false),
         serviceUrl: p["lk:serviceUrl"] || ""
      };
   }
};
